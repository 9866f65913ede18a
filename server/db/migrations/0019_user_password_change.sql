-- A password set by someone else (an administrator creating the account or resetting it) is
-- temporary: the person must choose their own before doing anything else.
ALTER TABLE "users" ADD COLUMN "password_change_required" boolean DEFAULT false NOT NULL;
