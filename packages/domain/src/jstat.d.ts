// jstat ships no types; the domain uses only the regularized incomplete gamma function.
declare module 'jstat' {
  const jStat: {
    /** Lower regularized incomplete gamma P(a, x). */
    lowRegGamma(a: number, x: number): number;
  };
  export default jStat;
}
