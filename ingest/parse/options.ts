/** Limits and switches of the parse stage. */
export interface ParseOptions {
  /** Files larger than this are rejected with TOO_LARGE before parsing. */
  maxBytes: number;
  /** Whole-parse deadline; a parser still running is stopped (PDF worker terminated, OCR killed). */
  timeoutMs: number;
  /** 'auto': OCR pages without a text layer when tesseract+vie and pdftoppm exist; 'on': OCR every page; 'off': never. */
  ocr: 'auto' | 'on' | 'off';
  log?: (s: string) => void;
}
