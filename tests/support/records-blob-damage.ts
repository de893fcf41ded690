// Ways a stored records blob is damaged (SQL on a database whose newest snapshot has
// one), each with the reason a start gives for refusing it (decision 031).
export const RECORDS_BLOB_DAMAGE: [string, string, string][] = [
  // A revision's first digit made 9: still a blob as written, but not the one its checksum was taken of.
  ['a changed byte', "UPDATE derived_snapshot_records SET data = overlay(data PLACING convert_to('9', 'UTF8') FROM position(convert_to('\"revisions\":[', 'UTF8') IN data) + 13 FOR 1)", 'checksum differs'],
  ['its part missing', 'DELETE FROM derived_snapshot_records', 'a part is missing'],
  ['its part cut short', 'UPDATE derived_snapshot_records SET data = substring(data FROM 1 FOR length(data) - 1)', 'key figures not as long as written'],
  [
    'a section not laid out as written (length and checksum matching)',
    `UPDATE derived_snapshot_records SET data = int4send(octet_length(j)) || j FROM (SELECT convert_to('{"version":1,"stampVersion":1,"entities":[],"articles":[{"id":"x"}],"revisions":[1],"stamps":[1],"figures":[0]}', 'UTF8') AS j) section;
     UPDATE derived_snapshots s SET records_bytes = (SELECT sum(length(data)) FROM derived_snapshot_records WHERE snapshot = s.id), records_sha256 = (SELECT sha256(string_agg(data, ''::bytea ORDER BY part)) FROM derived_snapshot_records WHERE snapshot = s.id)`,
    'a record is not one',
  ],
];
