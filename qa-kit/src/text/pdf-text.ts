// The portal's own PDF reader (pdfjs-dist), bundled: a flow reads an invoice as a person would.
export { pdfText } from '@planshift/bff/testing/pdf-text';
