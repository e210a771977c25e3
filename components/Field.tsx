import type { ComponentChildren } from 'preact';

export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/** A labelled form row with its hint and, when the value was refused, the reason beside it. */
export function Field(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (control: FieldControlProps) => ComponentChildren;
}) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <div class="control">
        {props.children({ id: props.id, 'aria-describedby': describedBy || undefined, 'aria-invalid': props.error ? true : undefined })}
        {props.hint && <p id={`${props.id}-hint`} class="hint">{props.hint}</p>}
        {props.error && <p id={`${props.id}-error`} class="error">{props.error}</p>}
      </div>
    </div>
  );
}
