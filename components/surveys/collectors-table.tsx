// A survey's collectors: open link, invitation lists (tokens used of issued) and paper entry.
import { getFormatter, getTranslations } from "next-intl/server";
import { NumericCell, Table, TableHead, TableRow, Td, Th } from "@/components/ui/table";
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
    <Table wrapperClassName="mt-3" data-testid="collectors">
      <TableHead>
        <tr>
          <Th>{t("name")}</Th>
          <Th>{t("kind")}</Th>
          <Th numeric>{t("responses")}</Th>
          <Th numeric>{t("tokens")}</Th>
          <Th>{t("created")}</Th>
          <Th>{t("status")}</Th>
        </tr>
      </TableHead>
      <tbody>
        {collectors.map((c) => (
          <TableRow key={c.id}>
            <Td>{c.name}</Td>
            <Td>{t(`kinds.${c.kind}`)}</Td>
            <NumericCell>{c.responses}</NumericCell>
            <NumericCell>
              {c.kind === "invitation" ? t("used", { used: c.invitationsUsed, total: c.invitations }) : "–"}
            </NumericCell>
            <Td>{format.dateTime(c.createdAt, { dateStyle: "medium" })}</Td>
            <Td data-testid={`collector-status-${c.kind}`}>
              <span className="mr-2">{c.closedAt ? t("closed") : t("open")}</span>
              {c.kind === "link" && setOpen ? (
                <CollectorOpenToggle open={!c.closedAt} setOpen={setOpen.bind(null, c.id)} />
              ) : null}
            </Td>
          </TableRow>
        ))}
      </tbody>
    </Table>
  );
}
