// A survey's collectors: open link, invitation lists (tokens used of issued) and paper entry.
import { getFormatter, getTranslations } from "next-intl/server";
import { CollectorOpenToggle } from "./collector-open-toggle";

type CollectorRow = {
  id: string;
  kind: "link" | "invitation" | "paper";
  name: string;
  createdAt: Date;
  closedAt: Date | null;
  responses: number;
  invitations: number;
  invitationsUsed: number;
};

export async function CollectorsTable(props: {
  collectors: CollectorRow[];
  /** Present for researchers: closes or reopens the open link. */
  setOpen?: (collectorId: string, open: boolean) => Promise<void>;
}) {
  const { collectors, setOpen } = props;
  const t = await getTranslations("surveys.collectors");
  const format = await getFormatter();
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="collectors">
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="p-2">{t("name")}</th>
            <th scope="col" className="p-2">{t("kind")}</th>
            <th scope="col" className="p-2 text-right">{t("responses")}</th>
            <th scope="col" className="p-2 text-right">{t("tokens")}</th>
            <th scope="col" className="p-2">{t("created")}</th>
            <th scope="col" className="p-2">{t("status")}</th>
          </tr>
        </thead>
        <tbody>
          {collectors.map((c) => (
            <tr key={c.id} className="border-t border-slate-100">
              <td className="p-2">{c.name}</td>
              <td className="p-2">{t(`kinds.${c.kind}`)}</td>
              <td className="p-2 text-right tabular-nums">{c.responses}</td>
              <td className="p-2 text-right tabular-nums">{c.kind === "invitation" ? t("used", { used: c.invitationsUsed, total: c.invitations }) : "–"}</td>
              <td className="p-2">{format.dateTime(c.createdAt, { dateStyle: "medium" })}</td>
              <td className="p-2" data-testid={`collector-status-${c.kind}`}>
                <span className="mr-2">{c.closedAt ? t("closed") : t("open")}</span>
                {c.kind === "link" && setOpen ? (
                  <CollectorOpenToggle open={!c.closedAt} setOpen={setOpen.bind(null, c.id)} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
