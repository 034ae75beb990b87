/** See generate-emergency-numbers.mjs. */
export function emergencyPatterns(): Record<string, string>;
