// A report PDF could not be made; the message says why in words a caller can act on (the PDF
// endpoint answers it as a 503). Thrown by the print page's assembly and by the renderer alike.
export class PdfUnavailableError extends Error {}
