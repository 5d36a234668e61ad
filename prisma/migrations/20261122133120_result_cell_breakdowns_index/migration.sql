-- CreateIndex
CREATE INDEX "result_cell_breakdowns_idx" ON "result_cell" USING GIN ("breakdowns" jsonb_path_ops);
