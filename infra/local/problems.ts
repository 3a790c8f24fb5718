/** A local-setup problem a person can fix; `npm start` prints its message as one line and exits non-zero. */
export class LocalSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalSetupError';
  }
}
