// T4-POST-WITHOUT-REVIEW: suits after review with no review this year — often normal (the review
// was applied for last year), so a question, not an error.
import { cellIn } from '../../model.ts';
import { defineRule } from '../api.ts';
import { isNum } from '../helpers.ts';

export default defineRule({
  id: 'T4-POST-WITHOUT-REVIEW',
  severity: 'info',
  versions: ['2019', '2021'],
  summary: { zh: '有复议后起诉但本年无行政复议', en: 'Suits after review but no review this year' },
  messages: {
    default: {
      zh: '复议后起诉 {post} 件，但本年行政复议为 0；如相关复议系上年度申请等情形属正常，请核实',
      en: '{post} suit(s) after review but no review this year; normal e.g. if the review was applied for last year — please confirm',
    },
  },
  check({ report, emit }) {
    const t4 = report.tables.T4;
    if (t4.status !== 'bound') return;
    const post = cellIn(t4, 'post', 'tot');
    const rev = cellIn(t4, 'rev', 'tot');
    if (!isNum(post) || !isNum(rev) || post.value <= 0 || rev.value !== 0) return;
    emit({ range: post, cell: post, written: post.value, computed: rev.value, args: { post: post.value } });
  },
});
