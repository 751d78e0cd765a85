-- The least-privilege group role of ClaimDesk's checkers on a shared desk (issue 16).
--
-- Run it as the desk's owner (the role that created the desk by opening it first, and
-- that alone upgrades it when a new ClaimDesk comes), connected to the desk's database:
--
--   psql -d claimdesk -U claimdesk_owner -f claimdesk_app_role.sql
--
-- then give each checker a login of their own in it (claimdesk_add_checker.sql). One
-- login per checker is what makes work signed: a shared desk keeps each checker's name
-- per login, records the login a verdict was written by, and refuses an approval by
-- that same login, whatever name it types.
--
-- Variables: app_role (default claimdesk_app), app_schema (default public). Running it
-- again grants what new tables need; it never drops anything.
--
-- The group may read and write every row, and nothing else: it owns no table, cannot
-- create or drop one, and cannot change alembic_version. ClaimDesk opened as one of its
-- checkers opens a desk at the newest schema without any DDL, and says plainly when the
-- desk is older and needs its owner to run ClaimDesk once to upgrade it.

\set ON_ERROR_STOP on
\if :{?app_role}
\else
  \set app_role claimdesk_app
\endif
\if :{?app_schema}
\else
  \set app_schema public
\endif

BEGIN;

SELECT format('CREATE ROLE %I NOLOGIN', :'app_role')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app_role') \gexec
-- A group, not a login: no superuser, no role or database creation, no replication, no
-- bypass of row security.
ALTER ROLE :"app_role" WITH NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION
  NOBYPASSRLS;

GRANT CONNECT ON DATABASE :"DBNAME" TO :"app_role";
-- Before PostgreSQL 15 every role could create tables in public; the schema is the
-- owner's to change (migrations), so nobody else may.
REVOKE CREATE ON SCHEMA :"app_schema" FROM PUBLIC;
REVOKE CREATE ON SCHEMA :"app_schema" FROM :"app_role";
GRANT USAGE ON SCHEMA :"app_schema" TO :"app_role";

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA :"app_schema" TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA :"app_schema" TO :"app_role";
-- The schema's revision is read to check it, written only by an upgrade (the owner's).
REVOKE INSERT, UPDATE, DELETE ON TABLE :"app_schema".alembic_version FROM :"app_role";

-- Tables and sequences a later upgrade (run by this owner) creates: granted at creation.
ALTER DEFAULT PRIVILEGES IN SCHEMA :"app_schema"
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_role";
ALTER DEFAULT PRIVILEGES IN SCHEMA :"app_schema"
  GRANT USAGE, SELECT ON SEQUENCES TO :"app_role";

COMMIT;
