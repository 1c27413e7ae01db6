/**
 * The single sign-on button, above the password form. A plain form posting a server action, so it
 * works before hydration; Auth.js then sends the browser to the provider.
 */
export function SsoSignIn({
  action,
  callbackUrl,
  label,
  or,
}: {
  action: (formData: FormData) => Promise<void>;
  callbackUrl: string;
  label: string;
  or: string;
}) {
  return (
    <div className="mb-6">
      <form action={action}>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <button
          type="submit"
          className="min-h-11 w-full rounded border-2 border-blue-800 bg-white px-4 py-3 text-lg font-semibold text-blue-900 hover:bg-blue-50"
        >
          {label}
        </button>
      </form>
      <p className="mt-6 flex items-center gap-3 text-slate-700" aria-hidden="true">
        <span className="h-px flex-1 bg-slate-400" />
        {or}
        <span className="h-px flex-1 bg-slate-400" />
      </p>
    </div>
  );
}
