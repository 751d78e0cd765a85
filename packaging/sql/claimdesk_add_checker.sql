-- A checker's own login on a shared desk, in the group claimdesk_app_role.sql made.
--
-- Run it as the desk's owner (or any role that may create roles), once per checker:
--
--   psql -d claimdesk -U claimdesk_owner -v checker=ana -v checker_password='…' \
--        -f claimdesk_add_checker.sql
--
-- Variables: checker and checker_password (required), app_role (the group, default
-- claimdesk_app). Running it again for the same checker sets the password again.
-- The login inherits the group's rights on rows and nothing else.

\set ON_ERROR_STOP on
\if :{?checker}
\else
  \echo 'Name the checker and their password: psql … -v checker=NAME -v checker_password=SECRET -f claimdesk_add_checker.sql'
  \quit
\endif
\if :{?checker_password}
\else
  \echo 'Name the checker and their password: psql … -v checker=NAME -v checker_password=SECRET -f claimdesk_add_checker.sql'
  \quit
\endif
\if :{?app_role}
\else
  \set app_role claimdesk_app
\endif

BEGIN;

SELECT format('CREATE ROLE %I LOGIN', :'checker')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'checker') \gexec
ALTER ROLE :"checker" WITH LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION
  NOBYPASSRLS PASSWORD :'checker_password';
GRANT :"app_role" TO :"checker";

COMMIT;
