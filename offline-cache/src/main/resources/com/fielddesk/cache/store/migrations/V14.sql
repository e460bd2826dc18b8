-- The offline copy of the audit log belongs to the person whose reads filled it (kept_for: their
-- profile id; this cache file is theirs). When a sync brings their profile with a role that may not
-- read the log (a supervisor made a dispatcher on the server), removed from the company, or deleted,
-- the copy is emptied in the same transaction that writes the profile: nothing of it stays readable
-- offline, whether or not the audit screen was ever opened in this session.
alter table audit_offline_range add column kept_for text;

-- A copy filled before this version names nobody: emptied once; the audit screen's next refresh
-- fills it again for a person who may read it.
delete from audit_offline_entries;
delete from audit_offline_range;

create trigger audit_offline_forget_when_role_changes after update of role, company_id, deleted_at on profiles
when new.id in (select kept_for from audit_offline_range)
  and (new.role is null or new.role not in ('supervisor', 'admin') or new.deleted_at is not null
       or new.company_id is not old.company_id)
begin
  delete from audit_offline_entries where company_id in (select company_id from audit_offline_range where kept_for = new.id);
  delete from audit_offline_range where kept_for = new.id;
end;

create trigger audit_offline_forget_when_profile_goes after delete on profiles
when old.id in (select kept_for from audit_offline_range)
begin
  delete from audit_offline_entries where company_id in (select company_id from audit_offline_range where kept_for = old.id);
  delete from audit_offline_range where kept_for = old.id;
end;
