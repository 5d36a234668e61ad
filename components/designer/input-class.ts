// The look of the designer's form controls, shared by server and client components.
export const inputClass =
  "min-h-10 w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm aria-invalid:border-red-600 aria-invalid:ring-1 aria-invalid:ring-red-600";
