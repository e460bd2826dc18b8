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

-- Kept in step as V3's search indexes are (store.SearchIndexes): triggers note the changed entries
-- in search_dirty and the cache re-indexes them before each commit, one statement pair per
-- transaction (82,000 entries kept in pages of 1,000, measured outside the app at load 9: 1.1 s
-- without the index, 4.3 s with it kept this way, 9.0 s with per-row index writes). Every write
-- to the copy goes through them: a kept page, the trim to the window, the copy forgotten, and V14's
-- purge when a sync takes the keeper's role away (its deletes fire the delete trigger). A page is
-- kept with insert or replace, and a replaced row goes without a delete trigger: the before-insert
-- trigger notes it.
insert into search_refresh (search_index, delete_sql, insert_sql) values ('audit_offline_text',
  'delete from audit_offline_text where rowid in (select row_rowid from search_dirty where search_index = ''audit_offline_text'' and was_indexed = 1)',
  'insert into audit_offline_text (rowid, values_text) select t.rowid, t.values_text from audit_offline_entries t where t.rowid in (select row_rowid from search_dirty where search_index = ''audit_offline_text'')');
insert into search_dirty (search_index, row_rowid, was_indexed) select 'audit_offline_text', rowid, 0 from audit_offline_entries;

create trigger audit_offline_text_replace before insert on audit_offline_entries begin
  insert into search_dirty (search_index, row_rowid, was_indexed)
  select 'audit_offline_text', rowid, 1 from audit_offline_entries where company_id = new.company_id and seq = new.seq;
end;
create trigger audit_offline_text_insert after insert on audit_offline_entries begin
  insert into search_dirty (search_index, row_rowid, was_indexed) values ('audit_offline_text', new.rowid, 0);
end;
create trigger audit_offline_text_update after update on audit_offline_entries begin
  insert into search_dirty (search_index, row_rowid, was_indexed) values ('audit_offline_text', old.rowid, 1);
  insert into search_dirty (search_index, row_rowid, was_indexed) values ('audit_offline_text', new.rowid, 0);
end;
create trigger audit_offline_text_delete after delete on audit_offline_entries begin
  insert into search_dirty (search_index, row_rowid, was_indexed) values ('audit_offline_text', old.rowid, 1);
end;
