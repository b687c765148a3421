// T2-REGULATION-AUTHORITY: 规章 are made by 国务院部门 and provincial / districted-city
// governments only (立法法); a county-level or lower government, a subdistrict or a development
// zone reporting 规章 has most likely put its normative documents in the wrong row. [R] → info.
import { defineRule } from '../api.ts';
import { cellDisplay } from '../helpers.ts';
import { t2Of } from './shared.ts';

export default defineRule({
  id: 'T2-REGULATION-AUTHORITY',
  severity: 'info',
  versions: ['2019', '2021'],
  summary: { zh: '无规章制定权的机关不应填报规章', en: 'Agencies without rule-making power report no 规章' },
  messages: {
    default: { zh: '本机关无规章制定权，但“规章”行填有数字，请核实', en: 'This agency cannot make 规章 (rules), yet the 规章 row has numbers; please check' },
  },
  check({ report, emit }) {
    const t2 = t2Of(report);
    const agency = report.agency;
    if (!t2 || !agency) return;
    const noPower = agency.kind === 'subdistrict' || agency.kind === 'zone' || (agency.kind === 'government' && agency.countyOrBelow === true);
    if (!noPower) return;
    const hit = [...t2.cells.values()]
      .filter((c) => c.row === 'reg' && c.state === 'number' && c.value! > 0)
      .sort((a, b) => a.start - b.start)[0];
    if (!hit) return;
    emit({ range: { start: hit.start, end: hit.end }, cell: hit, args: { cell: cellDisplay(t2, hit) } });
  },
});
