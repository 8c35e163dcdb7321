-- A number every change to what an account may do bumps: its activity, role, organisation, tenant, password,
-- permission grants and revoked sessions. Access tokens carry the number they were issued at; a token whose number
-- is not the account's current one is refused. The bump happens here, in the transaction of the change, whatever
-- code made it, and a notification tells every node of the service to forget what it remembered of the account.
ALTER TABLE users ADD COLUMN security_version BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION bump_user_security_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.is_active IS DISTINCT FROM OLD.is_active
       OR NEW.role IS DISTINCT FROM OLD.role
       OR NEW.organization_id IS DISTINCT FROM OLD.organization_id
       OR NEW.tenant_id IS DISTINCT FROM OLD.tenant_id
       OR NEW.password_hash IS DISTINCT FROM OLD.password_hash
       OR NEW.security_version IS DISTINCT FROM OLD.security_version THEN
        NEW.security_version := OLD.security_version + 1;
        PERFORM pg_notify('covenant_account_changed', NEW.id::text);
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER trg_users_security_version BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION bump_user_security_version();

CREATE FUNCTION notify_user_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('covenant_account_changed', OLD.id::text);
    RETURN OLD;
END $$;

CREATE TRIGGER trg_users_deleted_notify AFTER DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION notify_user_deleted();

-- A grant or revocation of a permission, or a session revoked (sign-out, refresh token reuse, password change).
CREATE FUNCTION bump_security_version_of_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE users SET security_version = security_version + 1
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END;
    RETURN NULL;
END $$;

CREATE TRIGGER trg_user_permissions_security_version AFTER INSERT OR DELETE ON user_permissions
    FOR EACH ROW EXECUTE FUNCTION bump_security_version_of_user();

CREATE TRIGGER trg_user_sessions_security_version AFTER UPDATE OF revoked_at ON user_sessions
    FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL)
    EXECUTE FUNCTION bump_security_version_of_user();
