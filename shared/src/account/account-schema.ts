import { z } from 'zod';
import { LOCALES } from './locale';
import { ROLES } from './role';

export const localeSchema = z.enum(LOCALES);
export const roleSchema = z.enum(ROLES);
