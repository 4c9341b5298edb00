-- The schema of a database migrated by the seven hand-written migrations that the EF Core baseline replaced (as of
-- commit c04bb6d), with their rows in __EFMigrationsHistory: pg_dump --schema-only --no-owner --no-privileges of such a
-- database, without pg_dump's \restrict lines (psql commands), then the history rows. The tests load it to stand for a
-- database from before the baseline. Do not regenerate it from the current migrations.
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: __EFMigrationsHistory; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."__EFMigrationsHistory" (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL
);


--
-- Name: executors; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.executors (
    executor_id character varying(200) NOT NULL,
    pool character varying(64) NOT NULL,
    profile jsonb NOT NULL,
    slots integer NOT NULL,
    free_slots integer NOT NULL,
    running_attempts jsonb NOT NULL,
    jobs_completed bigint NOT NULL,
    jobs_failed bigint NOT NULL,
    draining boolean NOT NULL,
    registered_at timestamp with time zone NOT NULL,
    last_heartbeat_at timestamp with time zone NOT NULL,
    stopped_at timestamp with time zone
);


--
-- Name: inbox_messages; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.inbox_messages (
    message_id uuid NOT NULL,
    consumer text NOT NULL,
    processed_at timestamp with time zone NOT NULL
);


--
-- Name: jobs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.jobs (
    id uuid NOT NULL,
    current_state character varying(32) NOT NULL,
    type character varying(200) NOT NULL,
    binary_url text NOT NULL,
    binary_sha256 character varying(64) NOT NULL,
    arguments text[] NOT NULL,
    env_variables jsonb NOT NULL,
    priority integer NOT NULL,
    current_attempt_id uuid,
    attempt_count integer NOT NULL,
    attempts jsonb NOT NULL,
    executor_id text,
    exit_code integer,
    stdout text,
    stderr text,
    error text,
    created_at timestamp with time zone NOT NULL,
    started_at timestamp with time zone,
    completed_at timestamp with time zone,
    resources jsonb DEFAULT '{}'::jsonb NOT NULL,
    pool character varying(64) DEFAULT 'cpu'::character varying NOT NULL,
    timeout_seconds integer,
    max_attempts integer DEFAULT 3 NOT NULL,
    retry_on_failure boolean DEFAULT false NOT NULL,
    next_attempt_at timestamp with time zone,
    last_heartbeat_at timestamp with time zone,
    deadline_at timestamp with time zone,
    kind character varying(16) DEFAULT 'Binary'::character varying NOT NULL,
    container jsonb,
    pipeline_steps jsonb DEFAULT '[]'::jsonb NOT NULL,
    pipeline_input text,
    step_results jsonb DEFAULT '[]'::jsonb NOT NULL,
    dispatch_priority integer DEFAULT 2 NOT NULL,
    queued_at timestamp with time zone,
    owner character varying(200)
);


--
-- Name: outbox_messages; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.outbox_messages (
    id bigint NOT NULL,
    message_id uuid NOT NULL,
    job_id uuid,
    kind text NOT NULL,
    destination_address text,
    request_id uuid,
    priority smallint,
    message_type text NOT NULL,
    body jsonb NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: outbox_messages_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.outbox_messages ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.outbox_messages_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: webhook_deliveries; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_deliveries (
    id uuid NOT NULL,
    sequence bigint NOT NULL,
    subscription_id uuid NOT NULL,
    job_id uuid NOT NULL,
    event_id uuid NOT NULL,
    event character varying(32) NOT NULL,
    payload text NOT NULL,
    status character varying(32) NOT NULL,
    attempt_count integer DEFAULT 0 NOT NULL,
    attempts jsonb DEFAULT '[]'::jsonb NOT NULL,
    created_at timestamp with time zone NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    leased_until timestamp with time zone,
    completed_at timestamp with time zone,
    redelivery_of uuid
);


--
-- Name: webhook_deliveries_sequence_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.webhook_deliveries ALTER COLUMN sequence ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.webhook_deliveries_sequence_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: webhook_subscriptions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_subscriptions (
    id uuid NOT NULL,
    url text NOT NULL,
    events text[] NOT NULL,
    job_type character varying(200),
    priority integer,
    owner text,
    secret text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: __EFMigrationsHistory PK___EFMigrationsHistory; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."__EFMigrationsHistory"
    ADD CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId");


--
-- Name: executors executors_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.executors
    ADD CONSTRAINT executors_pkey PRIMARY KEY (executor_id);


--
-- Name: inbox_messages inbox_messages_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inbox_messages
    ADD CONSTRAINT inbox_messages_pkey PRIMARY KEY (message_id, consumer);


--
-- Name: jobs jobs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_pkey PRIMARY KEY (id);


--
-- Name: outbox_messages outbox_messages_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox_messages
    ADD CONSTRAINT outbox_messages_pkey PRIMARY KEY (id);


--
-- Name: webhook_deliveries webhook_deliveries_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_pkey PRIMARY KEY (id);


--
-- Name: webhook_subscriptions webhook_subscriptions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_subscriptions
    ADD CONSTRAINT webhook_subscriptions_pkey PRIMARY KEY (id);


--
-- Name: ix_executors_last_heartbeat_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_executors_last_heartbeat_at ON public.executors USING btree (last_heartbeat_at);


--
-- Name: ix_inbox_messages_processed_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_inbox_messages_processed_at ON public.inbox_messages USING btree (processed_at);


--
-- Name: ix_jobs_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_jobs_created_at ON public.jobs USING btree (created_at);


--
-- Name: ix_jobs_current_state_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_jobs_current_state_created_at ON public.jobs USING btree (current_state, created_at);


--
-- Name: ix_jobs_next_attempt_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_jobs_next_attempt_at ON public.jobs USING btree (next_attempt_at) WHERE (next_attempt_at IS NOT NULL);


--
-- Name: ix_jobs_owner_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_jobs_owner_created_at ON public.jobs USING btree (owner, created_at);


--
-- Name: ix_jobs_pending_queued_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_jobs_pending_queued_at ON public.jobs USING btree (queued_at) WHERE ((current_state)::text = 'Pending'::text);


--
-- Name: ix_jobs_running_supervision; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_jobs_running_supervision ON public.jobs USING btree (last_heartbeat_at) WHERE ((current_state)::text = 'Running'::text);


--
-- Name: ix_jobs_waiting; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_jobs_waiting ON public.jobs USING btree (pool, dispatch_priority DESC, created_at) WHERE ((current_state)::text = 'Pending'::text);


--
-- Name: ix_webhook_deliveries_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_webhook_deliveries_due ON public.webhook_deliveries USING btree (next_attempt_at) WHERE ((status)::text = 'pending'::text);


--
-- Name: ix_webhook_deliveries_job_order; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_webhook_deliveries_job_order ON public.webhook_deliveries USING btree (subscription_id, job_id, sequence) WHERE ((status)::text = 'pending'::text);


--
-- Name: ix_webhook_deliveries_log; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_webhook_deliveries_log ON public.webhook_deliveries USING btree (subscription_id, sequence);


--
-- Name: ix_webhook_subscriptions_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_webhook_subscriptions_created_at ON public.webhook_subscriptions USING btree (created_at);


--
-- Name: ux_webhook_deliveries_event; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ux_webhook_deliveries_event ON public.webhook_deliveries USING btree (subscription_id, event_id) WHERE (redelivery_of IS NULL);


--
-- Name: webhook_deliveries webhook_deliveries_subscription_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_subscription_id_fkey FOREIGN KEY (subscription_id) REFERENCES public.webhook_subscriptions(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

INSERT INTO public."__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES
    ('20261121000000_CreateJobs', '10.0.0'),
    ('20261122000100_AddJobLimitsAndSupervision', '10.0.0'),
    ('20261122000200_AddOutboxAndInbox', '10.0.0'),
    ('20261122020000_CreateWebhooks', '10.0.0'),
    ('20261122040000_AddJobKindsAndExecutors', '10.0.0'),
    ('20261122050000_AddPriorityAging', '10.0.0'),
    ('20261122060000_AddJobOwner', '10.0.0');
