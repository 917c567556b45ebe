export interface CertificateFailure {
  message?: string;
  code?: string;
  timedOut?: boolean;
}
export function certificateFailure(failure?: CertificateFailure): { reason: string; fix: string };
export function certificateWarning(failure: CertificateFailure, port?: number): string;
