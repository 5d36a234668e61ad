"use client";
// A labelled file picker that hands the chosen file's text to the caller (JSON or CSV imports);
// nothing is uploaded until the surrounding form is sent.
export function TextFileInput(props: { id: string; label: string; accept: string; onText: (text: string) => void }) {
  return (
    <div>
      <label htmlFor={props.id} className="block text-sm font-medium">
        {props.label}
      </label>
      <input
        id={props.id}
        type="file"
        accept={props.accept}
        className="block w-full text-sm"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (file) props.onText(await file.text());
        }}
      />
    </div>
  );
}
