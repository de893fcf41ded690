-- Article bodies in a column of their own, and the rest of the record as json
-- (docs/decisions/027, 2026-12-03 section). An instance keeps records in memory
-- without their bodies (decision 025) and streams the bodies once, at open, into
-- a file of its own (body-file.ts), so the load of the records no longer carries
-- ~1.6 KB of body per article through the server's jsonb-to-text and our
-- JSON.parse. The record is json, not jsonb: it is only ever read whole, and json
-- is sent as stored, where jsonb is re-serialised from its binary form per row.
ALTER TABLE articles ADD COLUMN body text;
UPDATE articles SET body = coalesce(record->>'body', '');
ALTER TABLE articles
  ALTER COLUMN body SET NOT NULL,
  ALTER COLUMN record TYPE json USING (record - 'body')::json;
