// MIIT 2011 size classes (MIIT GLCs [2011] No. 300) for the sci-tech sectors the Jilin paper names:
// micro below 10 employees, small 10 to 100; more than 100 is beyond the small-and-micro scope.
export const SIZE_CLASSES = ["micro", "small", "medium"] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export function sizeClassOf(employees: number): SizeClass {
  if (employees < 10) return "micro";
  if (employees <= 100) return "small";
  return "medium";
}
