-- Every instance loads the articles in the order they were added (added_at, then id):
-- walking this index streams them in batches with no sort (at 100,000 articles the
-- sort of the whole table spilled to disk before the first row came back).
CREATE INDEX articles_added_order ON articles (added_at, id);
