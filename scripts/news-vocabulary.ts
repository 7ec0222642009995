/**
 * Stock phrases of Chinese local news, shared by the engine benchmark
 * (scripts/bench.ts) and the browser benchmark's pages (scripts/bench-browser.ts).
 * The order matters: the seeded generators pick by index.
 */

export const WHEN = [
  '今年以来',
  '近日',
  '上半年',
  '记者从市政府获悉',
  '据了解',
  '1至9月',
  '去年',
  '截至目前',
  '日前',
  '本周',
];

export const WHO = [
  '市生态环境局',
  '区政府',
  '县委',
  '省发展改革委',
  '市住建局',
  '各乡镇',
  '该企业',
  '市场监管部门',
  '多家银行',
  '市文旅局',
  '教育部门',
  '交通运输部门',
  '一家新能源企业',
  '区人社局',
];
