-- CreateTable
CREATE TABLE "membership_invitation" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "invited_by_id" UUID,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "accepted_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "membership_invitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "membership_invitation_token_hash_key" ON "membership_invitation"("token_hash");

-- CreateIndex
CREATE INDEX "membership_invitation_organization_id_created_at_idx" ON "membership_invitation"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_event_organization_id_action_created_at_idx" ON "audit_event"("organization_id", "action", "created_at");

-- AddForeignKey
ALTER TABLE "membership_invitation" ADD CONSTRAINT "membership_invitation_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership_invitation" ADD CONSTRAINT "membership_invitation_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
