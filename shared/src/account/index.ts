export { localeSchema, roleSchema } from './account-schema';
export { LOCALES, type Locale } from './locale';
export { ROLES, type Role } from './role';
