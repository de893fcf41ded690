// Words too common to search on, in both languages. Kept short on purpose:
// domain words ("industri", "kerja") stay searchable.
export const STOPWORDS = new Set(
  `a an the and or of in on at to for from by with as is are was were be been it its this that these those
  about into over after before than then there their his her he she they we you i our your not no but if so
  yang dan di ke dari dengan untuk pada dalam oleh ini itu adalah akan juga atau tidak sebagai bagi para
  yaitu yakni serta karena agar supaya telah sudah masih dapat bisa ia mereka kami kita saya tersebut
  sebuah suatu antara hal lebih sangat secara tentang terhadap hingga sejak setelah sebelum kata ujar`
    .split(/\s+/)
    .filter(Boolean),
);
