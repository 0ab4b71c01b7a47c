-- Written in batches: ids come from sequences 50 at a time (Hibernate's pooled optimizer) rather than from identity
-- columns, so the inserts of a batch of commands go to the database as JDBC batches; and the references to a
-- contact are checked at commit, so a batch may send its rows in any order.
ALTER TABLE contacts ALTER COLUMN id DROP IDENTITY;
ALTER TABLE enrollments ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE contact_ids INCREMENT BY 50;
CREATE SEQUENCE enrollment_ids INCREMENT BY 50;
-- Hibernate reads each value as the top of a block of 50 ids: start past the ids in use.
SELECT setval('contact_ids', (SELECT coalesce(max(id), 0) + 50 FROM contacts));
SELECT setval('enrollment_ids', (SELECT coalesce(max(id), 0) + 50 FROM enrollments));

ALTER TABLE contact_keys ALTER CONSTRAINT contact_keys_contact_id_fkey DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE enrollments ALTER CONSTRAINT enrollments_contact_id_fkey DEFERRABLE INITIALLY DEFERRED;
