-- The offline copy's free-text filter ("Text in values") as an index search. It was a LIKE over
-- every kept entry's values_text (the 30-day window, ~82,000 entries: 38 ms quiet, 250–350 ms on a
-- loaded machine for a rare text — docs/benchmarks.md). audit_offline_text is a trigram index of
-- values_text (already lower case, as the text searched for is): a text of 3 or more characters is
-- a phrase of its trigrams, which finds exactly the entries containing it; the page still checks
-- values_text LIKE on those few, so the answer is the scan's answer (domain.audit.AuditOfflineCopy).
-- case_sensitive 1: the text is folded once, in Java (Locale.ROOT), on both sides, as the scan
-- compares it; the tokenizer folds nothing more, so accents and case behave as before.
-- Contentless (the text stays in audit_offline_entries only); contentless_delete lets the triggers
-- remove an entry by its rowid. The rowid is the entry's rowid: audit_offline_entries has indexes,
-- so even VACUUM keeps its rowids.
create virtual table audit_offline_text using fts5(values_text, content = '', contentless_delete = 1,
  tokenize = 'trigram case_sensitive 1');

insert into audit_offline_text (rowid, values_text) select rowid, values_text from audit_offline_entries;

-- Kept in step with every write to the copy: a kept page (insert or replace: the replaced row goes
-- without a delete trigger, so its text is removed before the insert), a trim to the window, the
-- copy forgotten, and V14's purge when a sync takes the keeper's role away (its deletes fire these).
create trigger audit_offline_text_replaced before insert on audit_offline_entries
begin
  delete from audit_offline_text
   where rowid = (select rowid from audit_offline_entries where company_id = new.company_id and seq = new.seq);
end;

create trigger audit_offline_text_added after insert on audit_offline_entries
begin
  insert into audit_offline_text (rowid, values_text) values (new.rowid, new.values_text);
end;

-- Any update (an upsert's update runs after the before-insert trigger above removed the text).
create trigger audit_offline_text_changed after update on audit_offline_entries
begin
  delete from audit_offline_text where rowid = old.rowid;
  insert into audit_offline_text (rowid, values_text) values (new.rowid, new.values_text);
end;

create trigger audit_offline_text_removed after delete on audit_offline_entries
begin
  delete from audit_offline_text where rowid = old.rowid;
end;
