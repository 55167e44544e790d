// Site owners must see who is asking and how to reach them: a deployment sets ELET_USER_AGENT (or
// the pipeline's userAgent) to name its contact address.
export const DEFAULT_USER_AGENT =
  process.env.ELET_USER_AGENT ?? 'elet-pipeline/0.1 (ELET project repository refresh; contact: set ELET_USER_AGENT)';
