import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasFirstIsLeadNote, parseUnits, unitScore, unitNotes, type UnitContext } from '../src/normalize/units.js';
import { canonicalUnit } from '../src/normalize/unit-aliases.js';

type Row = {
  text: string;
  ctx?: UnitContext;
  lead: string[];
  impl: string[];
  /** names with role 'cooperating' (subset of impl) */
  coop?: string[];
  /** a cell made mostly of fields (市场监管、金融监管) rather than named units scores lower */
  fieldList?: boolean;
};

const L: UnitContext = { defaultRole: 'lead' };

const rows: Row[] = [
  // --- real cells and clauses from the answer keys
  { text: '市政府办公厅、市政府各部门负责落实', lead: [], impl: ['市政府办公厅', '市政府各部门'] },
  { text: '市编办牵头,市政府各部门负责落实', lead: ['市编办'], impl: ['市政府各部门'] },
  { text: '市发展改革委、市商务局牵头,市政府有关部门负责落实', lead: ['市发展改革委', '市商务局'], impl: ['市政府有关部门'] },
  { text: '市财政局牵头落实', lead: ['市财政局'], impl: [] },
  {
    text: '市发展改革委、市经济和信息化委、市国土资源局、市环保局、市城乡建委、市房产局、市规划局、市交通运输局、市水局、市农委、市卫生计生委、市林园局、市公管局等部门负责落实',
    lead: [],
    impl: ['市发展改革委', '市经济和信息化委', '市国土资源局', '市环保局', '市城乡建委', '市房产局', '市规划局', '市交通运输局', '市水局', '市农委', '市卫生计生委', '市林园局', '市公管局'],
  },
  {
    text: '市政府办公厅牵头,市教育局、市民政局、市环保局、市文广新局、市卫生计生委、市体育局、市食品药品监管局、市安全监管局、市扶贫办、市改办等部门按职责分工分别负责落实',
    lead: ['市政府办公厅'],
    impl: ['市教育局', '市民政局', '市环保局', '市文广新局', '市卫生计生委', '市体育局', '市食品药品监管局', '市安全监管局', '市扶贫办', '市改办'],
  },
  { text: '市政府有关部门按职责分工负责落实', lead: [], impl: ['市政府有关部门'] },
  // an enumeration of powers before 的 belongs to the unit it qualifies
  {
    text: '县区政府、管委,市、县区具有行政处罚、行政征收、行政许可职权的部门、单位,电子政务工作机构',
    lead: [],
    impl: ['县区政府', '管委', '市、县区具有行政处罚、行政征收、行政许可职权的部门', '单位', '电子政务工作机构'],
  },
  {
    text: '市、县区市场监管、金融监管、重点工程建设等项目责任单位以及实行资质、资格、信用管理的行业主管部门,电子政务工作机构',
    lead: [],
    impl: ['市、县区市场监管', '金融监管', '重点工程建设', '实行资质、资格、信用管理的行业主管部门', '电子政务工作机构'],
    fieldList: true,
  },
  { text: '县卫健局、县医保局、承担公共卫生、疾病预防职能的单位', lead: [], impl: ['县卫健局', '县医保局', '承担公共卫生、疾病预防职能的单位'] },
  { text: '市政府办公厅牵头落实,市政府相关部门负责落实', lead: ['市政府办公厅'], impl: ['市政府相关部门'] },
  {
    text: '市政务服务中心,市工商局、市发展改革委、市国土资源局等市直有关单位按职责分工,各县(市)区政府',
    lead: [],
    impl: ['市政务服务中心', '市工商局', '市发展改革委', '市国土资源局', '各县(市)区政府'],
  },
  { text: '市政务服务中心、\n市直有关单位、各县(市)区政府', lead: [], impl: ['市政务服务中心', '市直有关单位', '各县(市)区政府'] },
  { text: '责任单位:各乡镇(街道)、有关部门', lead: [], impl: ['各乡镇(街道)', '有关部门'] },
  { text: '责任单位:县发改局、县商务局,其他有关部门', lead: [], impl: ['县发改局', '县商务局', '其他有关部门'] },
  { text: '责任主体:县政府办公室,各乡镇(街道)、有关部门', lead: [], impl: ['县政府办公室', '各乡镇(街道)', '有关部门'] },
  { text: '区政务公开办牵头,区直各部门落实', lead: ['区政务公开办'], impl: ['区直各部门'] },
  { text: '区发改局、区工信局、区政务公开办等部门牵头,区直各部门落实', lead: ['区发改局', '区工信局', '区政务公开办'], impl: ['区直各部门'] },
  { text: '牵头单位:区行政审批服务局,区直有关部门落实', lead: ['区行政审批服务局'], impl: ['区直有关部门'] },
  { text: '区发改局、区教育局、赫山公安分局、区民政局、区退役军人事务局等', lead: [], impl: ['区发改局', '区教育局', '赫山公安分局', '区民政局', '区退役军人事务局'] },
  { text: '区卫健局、区应急局、生态环境局赫山分局牵头,区直各部门落实', lead: ['区卫健局', '区应急局', '生态环境局赫山分局'], impl: ['区直各部门'] },
  { text: '区行政审批服务局、区政务服务中心、区政务公开办牵头;区直相关单位负责', lead: ['区行政审批服务局', '区政务服务中心', '区政务公开办'], impl: ['区直相关单位'] },
  { text: '区行政审批服务局、区政务服务中心牵头;区直相关单位、各乡镇、街道负责', lead: ['区行政审批服务局', '区政务服务中心'], impl: ['区直相关单位', '各乡镇', '街道'] },
  { text: '区政务服务中心负责', lead: [], impl: ['区政务服务中心'] },
  {
    text: '县区政府、管委,市政府办、新闻办、网宣办、公安局、信访局、外宣办、外事办、应急局等',
    ctx: L,
    lead: ['县区政府', '管委', '市政府办', '新闻办', '网宣办', '公安局', '信访局', '外宣办', '外事办', '应急局'],
    impl: [],
  },
  { text: '市、县区政府各有关部门,电子政务工作机构', lead: [], impl: ['市、县区政府各有关部门', '电子政务工作机构'] },
  {
    text: '市、县区发展改革、人社、财政、税务、统计、金融管理等部门,电子政务工作机构',
    lead: [],
    impl: ['市、县区发展改革', '人社', '财政', '税务', '统计', '金融管理', '电子政务工作机构'],
  },
  {
    text: '县区政府、管委,市发改委(物价局)、财政局、市民政局、市交通局、人行六安支行、银保监分局、市场监管局',
    ctx: L,
    lead: ['县区政府', '管委', '市发改委(物价局)', '财政局', '市民政局', '市交通局', '人行六安支行', '银保监分局', '市场监管局'],
    impl: [],
  },
  { text: '县区政府、管委,市发改委市农业农村局、市人社局', ctx: L, lead: ['县区政府', '管委', '市发改委', '市农业农村局', '市人社局'], impl: [] },
  {
    text: '县区政府、管委,市市场监管局、市财政局、市自然资源局市发改委、',
    ctx: L,
    lead: ['县区政府', '管委', '市市场监管局', '市财政局', '市自然资源局', '市发改委'],
    impl: [],
  },
  {
    text: '市、县区民政、卫生部门,慈善组织,“红十字会”,电子政务工作机构',
    lead: [],
    impl: ['市、县区民政', '卫生部门', '慈善组织', '“红十字会”', '电子政务工作机构'],
  },
  {
    text: '各级政府、管委,市、县区人社、政府督查、效能建设、电子政务工作机构等',
    lead: [],
    impl: ['各级政府', '管委', '市、县区人社', '政府督查', '效能建设', '电子政务工作机构'],
  },
  { text: '市、县区政府各相关部门及主流媒体', lead: [], impl: ['市、县区政府各相关部门及主流媒体'] },

  // --- bare level prefixes join the next fragment
  { text: '市、县区、乡镇街道各民生项目实施单位', lead: [], impl: ['市、县区、乡镇街道各民生项目实施单位'] },
  { text: '市、县区、乡(镇)农村土地承包管理部门', lead: [], impl: ['市、县区、乡(镇)农村土地承包管理部门'] },
  { text: '市、县区发展改革', lead: [], impl: ['市、县区发展改革'] },
  { text: '省、市、县三级政府负责', lead: [], impl: ['省、市、县三级政府'] },
  { text: '县、乡镇人民政府', lead: [], impl: ['县、乡镇人民政府'] },

  // --- Traditional and full-width
  { text: '市財政局牽頭,各縣區政府負責落實', lead: ['市財政局'], impl: ['各縣區政府'] },
  { text: '縣發改局牽頭，縣財政局、縣審計局配合', lead: ['縣發改局'], impl: ['縣財政局', '縣審計局'], coop: ['縣財政局', '縣審計局'] },
  { text: '責任單位：縣政府辦公室、各鄉鎮', lead: [], impl: ['縣政府辦公室', '各鄉鎮'] },

  // --- labels in brackets, several labels
  { text: '(牵头单位:市发改委;责任单位:市财政局、市人社局)', lead: ['市发改委'], impl: ['市财政局', '市人社局'] },
  { text: '〔牵头单位:市发改委,责任单位:各县(市)区政府〕', lead: ['市发改委'], impl: ['各县(市)区政府'] },
  { text: '[责任单位:县跑改部,各乡镇(街道)、有关部门]', lead: [], impl: ['县跑改部', '各乡镇(街道)', '有关部门'] },
  { text: '(责任单位:县审管办、县发改局、县国土资源局、县财政局、县国资局)', lead: [], impl: ['县审管办', '县发改局', '县国土资源局', '县财政局', '县国资局'] },
  { text: '牵头单位:县住建局\n责任单位:各镇人民政府、县直有关单位', lead: ['县住建局'], impl: ['各镇人民政府', '县直有关单位'] },
  { text: '牵头部门:区司法局;配合单位:区直各单位', lead: ['区司法局'], impl: ['区直各单位'], coop: ['区直各单位'] },
  { text: '【牵头单位】市委网信办【责任单位】市直各部门', lead: ['市委网信办'], impl: ['市直各部门'] },
  { text: '牵头单位:市卫健委 协同责任单位:市医保局、市财政局', lead: ['市卫健委'], impl: ['市医保局', '市财政局'], coop: ['市医保局', '市财政局'] },
  { text: '牵头单位:镇党政办;参与单位:各村(社区)', lead: ['镇党政办'], impl: ['各村(社区)'], coop: ['各村(社区)'] },
  { text: '落实单位:各街道办事处、区直有关部门', lead: [], impl: ['各街道办事处', '区直有关部门'] },
  { text: '分管领导:张三;牵头单位:区教育局', lead: ['区教育局'], impl: [] },
  { text: '责任单位:市公安局(牵头)、市交通运输局', lead: ['市公安局'], impl: ['市交通运输局'] },

  // --- role words at the end of a group
  { text: '市发改委牵头,市财政局、市人社局配合', lead: ['市发改委'], impl: ['市财政局', '市人社局'], coop: ['市财政局', '市人社局'] },
  { text: '市教育局、市体育局牵头落实', lead: ['市教育局', '市体育局'], impl: [] },
  { text: '县民政局、县残联负责', lead: [], impl: ['县民政局', '县残联'] },
  { text: '市发改委、市经信局分别牵头,各县区政府配合', lead: ['市发改委', '市经信局'], impl: ['各县区政府'], coop: ['各县区政府'] },
  { text: '由区政府办公室牵头,区直各部门、各街道办事处负责落实', lead: ['区政府办公室'], impl: ['区直各部门', '各街道办事处'] },
  { text: '市司法局牵头负责,市直有关部门协助', lead: ['市司法局'], impl: ['市直有关部门'], coop: ['市直有关部门'] },
  { text: '市政府办公室牵头,会同市数据资源局', lead: ['市政府办公室'], impl: ['市数据资源局'], coop: ['市数据资源局'] },
  { text: '市审计局牵头,市直相关单位参与', lead: ['市审计局'], impl: ['市直相关单位'], coop: ['市直相关单位'] },
  { text: '镇政府办牵头;各村委会负责落实', lead: ['镇政府办'], impl: ['各村委会'] },
  { text: '各街道办事处、区城管局按职责分工负责', lead: [], impl: ['各街道办事处', '区城管局'] },
  { text: '区长热线办牵头;区直相关单位负责', lead: ['区长热线办'], impl: ['区直相关单位'] },
  { text: '市政府办公厅牵头,庐阳区、巢湖市、包河区负责落实', lead: ['市政府办公厅'], impl: ['庐阳区', '巢湖市', '包河区'] },
  { text: '市网宣办、市政府新闻办牵头,市政府各部门负责落实', lead: ['市网宣办', '市政府新闻办'], impl: ['市政府各部门'] },
  { text: '市政府督查和目标办牵头,市政府各部门负责落实', lead: ['市政府督查和目标办'], impl: ['市政府各部门'] },
  { text: '市发改委 牵头', lead: ['市发改委'], impl: [] },

  // --- 等… qualifiers
  { text: '市财政局、市审计局等有关部门', lead: [], impl: ['市财政局', '市审计局'] },
  { text: '县教体局、县卫健委等相关部门负责', lead: [], impl: ['县教体局', '县卫健委'] },
  { text: '区人社局、区医保局等单位', lead: [], impl: ['区人社局', '区医保局'] },
  { text: '市商务局、市市场监管局等市直有关单位按职责分工负责', lead: [], impl: ['市商务局', '市市场监管局'] },
  { text: '市公安局、市交通局等部门和单位配合', lead: [], impl: ['市公安局', '市交通局'], coop: ['市公安局', '市交通局'] },
  { text: '市住建局等3个部门', lead: [], impl: ['市住建局'] },

  // --- defaultRole and first-is-lead
  { text: '市发改委、市财政局', ctx: { firstIsLead: true }, lead: ['市发改委'], impl: ['市财政局'] },
  { text: '市发改委、市财政局、市统计局(列第一位的为牵头单位)', lead: ['市发改委'], impl: ['市财政局', '市统计局'] },
  { text: '市发改委', ctx: { firstIsLead: true }, lead: [], impl: ['市发改委'] },
  { text: '市发改委牵头,市财政局负责', ctx: { firstIsLead: true }, lead: ['市发改委'], impl: ['市财政局'] },
  { text: '区财政局、区审计局', ctx: L, lead: ['区财政局', '区审计局'], impl: [] },
  { text: '区财政局、区审计局配合', ctx: L, lead: [], impl: ['区财政局', '区审计局'], coop: ['区财政局', '区审计局'] },

  // --- person names are not units
  { text: '市政府办公厅牵头,张三同志、副市长李四', lead: ['市政府办公厅'], impl: [] },
  { text: '王五副县长,县应急局牵头', lead: ['县应急局'], impl: [] },
  { text: '市委常委、副市长王建军,市发改委牵头', lead: ['市发改委'], impl: [] },

  // --- 和/及/与 between whole units, not inside one name
  { text: '市公安局与市市场监管局', lead: [], impl: ['市公安局', '市市场监管局'] },
  { text: '区卫健委和区工业和信息化局配合', lead: [], impl: ['区卫健委', '区工业和信息化局'], coop: ['区卫健委', '区工业和信息化局'] },
  { text: '州发展改革委及各县（市）人民政府', lead: [], impl: ['州发展改革委', '各县（市）人民政府'] },
  { text: '各县（区）党委和政府负责', lead: [], impl: ['各县（区）党委和政府'] },
  { text: '市住房和城乡建设局', lead: [], impl: ['市住房和城乡建设局'] },
  { text: '各医院和卫生服务机构', lead: [], impl: ['各医院和卫生服务机构'] },
  { text: '管委及其部门', lead: [], impl: ['管委及其部门'] },
  { text: '区纪委区监委牵头', lead: ['区纪委区监委'], impl: [] },
  { text: '县目标绩效办、县纪委监委机关', lead: [], impl: ['县目标绩效办', '县纪委监委机关'] },
  // a bare level prefix before 、 shares the name after it; a two-character place ending in 部 is no unit
  { text: '各州（市）、区人民政府，州直有关单位', lead: [], impl: ['各州（市）、区人民政府', '州直有关单位'] },
  { text: '中央、省驻邵单位', lead: [], impl: ['中央、省驻邵单位'] },
  { text: '西部新区管委会、南部县人民政府', lead: [], impl: ['西部新区管委会', '南部县人民政府'] },
  // a contact in brackets is a note; X会同Y: X leads; a star marks a lead; 按职能分工 is a role phrase
  { text: '县民政局（联系人：李某，电话：0710-1234567）、县慈善总会', lead: [], impl: ['县民政局', '县慈善总会'] },
  { text: '县发改局会同县财政局负责', lead: ['县发改局'], impl: ['县财政局'] },
  { text: '县住建局*；县城管局/县水利局', lead: ['县住建局'], impl: ['县城管局', '县水利局'] },
  { text: '各地各部门按职能分工负责', lead: [], impl: ['各地各部门'] },
  { text: '联合国儿童基金会驻华办事处', lead: [], impl: ['联合国儿童基金会驻华办事处'] },
  { text: '怀化市会同县人民政府', lead: [], impl: ['怀化市会同县人民政府'] },
  { text: '各地区、各有关部门按职责分工负责，以下均需各地区落实，不再列出', lead: [], impl: ['各地区', '各有关部门'] },
  // a post with its holder's name is a person, even under a label
  { text: '分管副县长：王某；牵头单位：县教育局；责任单位：县财政局', lead: ['县教育局'], impl: ['县财政局'] },

  // --- run-together names, spaces, per-unit markers
  { text: '市委市政府督查室牵头', lead: ['市委', '市政府督查室'], impl: [] },
  { text: '市委组织部市委宣传部', lead: [], impl: ['市委组织部', '市委宣传部'] },
  { text: '市发改委 市财政局 市统计局', lead: [], impl: ['市发改委', '市财政局', '市统计局'] },
  { text: '市发改委(牵头)、市财政局、市统计局', lead: ['市发改委'], impl: ['市财政局', '市统计局'] },
  { text: '各县(市、区)人民政府,市直有关部门', lead: [], impl: ['各县(市、区)人民政府', '市直有关部门'] },
  { text: '市卫健委为牵头单位,市医保局为配合单位', lead: ['市卫健委'], impl: ['市医保局'], coop: ['市医保局'] },

  // --- noise
  { text: '', lead: [], impl: [] },
  { text: '  、,;', lead: [], impl: [] },
  { text: '市财政局。', lead: [], impl: ['市财政局'] },
  // --- stray spaces, lead marks and people in brackets (batch 49, 48)
  { text: '市卫生 健康委牵头,市市场 监管局、市消防救援支队配合', lead: ['市卫生健康委'], impl: ['市市场监管局', '市消防救援支队'], coop: ['市市场监管局', '市消防救援支队'] },
  { text: '市财政局 市税务局', lead: [], impl: ['市财政局', '市税务局'] },
  { text: '★市交通运输局、市公安局、市城管局☆', lead: ['市交通运输局', '市城管局'], impl: ['市公安局'] },
  { text: '1市住建局、市财政局、1市自然资源局', ctx: { leadMark: '1' }, lead: ['市住建局', '市自然资源局'], impl: ['市财政局'] },
  { text: '市应急管理局（马志刚）、市自然资源局（王立新）', ctx: { defaultRole: 'lead', peopleInBrackets: true }, lead: ['市应急管理局', '市自然资源局'], impl: [] },
  { text: '市委宣传部（市新闻出版局）', ctx: { peopleInBrackets: true }, lead: [], impl: ['市委宣传部（市新闻出版局）'] },
  { text: '市应急管理局（马志刚）', lead: [], impl: ['市应急管理局（马志刚）'] },
];

describe('parseUnits table', () => {
  it('has at least 60 rows', () => expect(rows.length).toBeGreaterThanOrEqual(60));
  it.each(rows.map((r) => [r.text.replace(/\n/g, '⏎'), r] as const))('%s', (_t, r) => {
    const got = parseUnits(r.text, r.ctx);
    expect({ lead: got.lead, impl: got.implementing }).toEqual({ lead: r.lead, impl: r.impl });
    const coop = got.units.filter((u) => u.role === 'cooperating').map((u) => u.name);
    expect(coop).toEqual(r.coop ?? []);
    expect(got.units.map((u) => u.name)).toEqual(
      got.units.map((u) => u.name).filter((n) => got.lead.includes(n) || got.implementing.includes(n)),
    );
  });
});

describe('unitScore', () => {
  it.each(rows.filter((r) => r.lead.length + r.impl.length > 0).map((r) => [r.text.replace(/\n/g, '⏎'), r.text, r.fieldList ? 0.4 : 0.7] as const))(
    'high: %s',
    (_n, t, floor) => expect(unitScore(t)).toBeGreaterThanOrEqual(floor),
  );
  it.each([
    '把公开透明作为政府工作的基本要求,坚持以公开为常态、不公开为例外,推进决策、执行、管理、服务、结果公开',
    '全年',
    '2018年9月底前',
    '持续推进',
    '加强政策解读和回应关切,主动引导预期',
    '文件下载',
    '政策咨询',
    '(以下简称“五公开”)',
    '(试行)',
    '(国办发〔2018〕22号)',
    '对一些专业性较强的政策,牵头起草部门要注重运用客观数据、生动实例等,进行形象化、通俗化解读',
    '明确责任单位、责任人和实施进度',
    '每季度',
    '',
  ])('low: %s', (t) => expect(unitScore(t)).toBeLessThan(0.3));
});

describe('hasFirstIsLeadNote', () => {
  it.each(['列第一位的为牵头单位', '(第一责任单位为牵头单位)', '注:排名第一的为牵头单位。', '排在第一位的单位为牵头单位', '列第一位的為牽頭單位'])(
    'yes: %s',
    (t) => expect(hasFirstIsLeadNote(t)).toBe(true),
  );
  it.each(['市发改委牵头', '第一批试点', '牵头单位:市财政局', '注：责任单位中列在首位的为牵头单位的，已注明“牵头”。'])('no: %s', (t) => expect(hasFirstIsLeadNote(t)).toBe(false));
});

describe('unitNotes', () => {
  it.each([
    ['注：责任单位中标注★的为牵头单位，其余为配合单位。', { leadMark: '★', peopleInBrackets: false }],
    ['注：责任单位中名称前标注“1”的为牵头单位。', { leadMark: '1', peopleInBrackets: false }],
    ['带*号的为牵头单位', { leadMark: '*', peopleInBrackets: false }],
    ['注：牵头单位后括号内为该项工作责任人。', { leadMark: null, peopleInBrackets: true }],
    ['序号 工作任务 牵头单位（责任人） 完成时限', { leadMark: null, peopleInBrackets: true }],
    ['市发改委牵头，市财政局配合', { leadMark: null, peopleInBrackets: false }],
  ])('%s', (text, notes) => expect(unitNotes(text)).toEqual(notes));
});

describe('canonical names', () => {
  it('aliases of one department share a canonical name', () => {
    const c = ['市发改委', '市发展改革委', '市发展和改革委员会', '市发改委(物价局)'].map((n) => canonicalUnit(n).canonical);
    expect(new Set(c)).toEqual(new Set(['市发展改革委']));
  });
  it('keeps the level prefix', () => {
    expect(canonicalUnit('县人社局').canonical).toBe('县人力资源社会保障局');
    expect(canonicalUnit('县人社局').canonical).not.toBe(canonicalUnit('市人社局').canonical);
    expect(canonicalUnit('赫山区发改局').canonical).toBe('赫山区发展改革委');
    expect(canonicalUnit('县市场监管局').canonical).toBe('县市场监管局');
  });
  it('maps historic names', () => {
    expect(canonicalUnit('市工商局').canonical).toBe('市市场监管局');
    expect(canonicalUnit('市环保局').canonical).toBe('市生态环境局');
    expect(canonicalUnit('区安全监管局').canonical).toBe('区应急管理局');
  });
  it('folds Traditional and width', () => {
    expect(canonicalUnit('縣財政局').canonical).toBe('县财政局');
  });
  it('inherits a missing prefix', () => {
    expect(canonicalUnit('新闻办', '市').canonical).toBe('市新闻办');
    expect(canonicalUnit('新闻办').canonical).toBe('新闻办');
    expect(canonicalUnit('市场监管局', '县').canonical).toBe('县市场监管局');
    const r = parseUnits('市政府办、新闻办、网宣办', L);
    expect(r.units.map((u) => u.canonical)).toEqual(['市政府办公室', '市新闻办', '市网信办']);
    expect(r.units.map((u) => u.name)).toEqual(['市政府办', '新闻办', '网宣办']);
    const s = parseUnits('县区政府、管委,市发改委(物价局)、财政局');
    expect(s.units[3].canonical).toBe('市财政局');
  });
  it('flags collective units', () => {
    for (const n of ['各县(市)区政府', '市政府各部门', '有关部门', '各乡镇(街道)', '市直有关单位', '区直各部门', '其他有关部门', '县区政府']) {
      expect(canonicalUnit(n).collective, n).toBe(true);
    }
    for (const n of ['市发改委', '县政府办公室', '赫山公安分局']) expect(canonicalUnit(n).collective, n).toBeUndefined();
  });
  it('unknown departments get no canonical', () => {
    expect(canonicalUnit('人行六安支行').canonical).toBeUndefined();
    expect(canonicalUnit('').canonical).toBeUndefined();
  });
  it('parseUnits fills canonical and collective', () => {
    const r = parseUnits('市编办牵头,市政府各部门负责落实');
    expect(r.units).toEqual([
      { name: '市编办', role: 'lead', canonical: '市编办' },
      { name: '市政府各部门', role: 'implementing', collective: true },
    ]);
  });
});

describe('never throws', () => {
  it.each([undefined, null, 42, '((((', '))))', '市', '牵头', '等', ':::', '\u0000\uffff', '〔牵头单位:'])('%s', (x) => {
    expect(() => parseUnits(x as unknown as string)).not.toThrow();
    expect(() => unitScore(x as unknown as string)).not.toThrow();
    expect(() => hasFirstIsLeadNote(x as unknown as string)).not.toThrow();
    expect(() => canonicalUnit(x as unknown as string)).not.toThrow();
  });
});

describe('properties', () => {
  const alphabet = [...'市县区省各有关部门局委办厅中心政府牵头负责落实配合等单位、,;:()〔〕“”张三同志发改财政 \n'];
  const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((a) => a.join(''));
  it('never throws, names are printed substrings (a stray space inside a name dropped), score in [0,1]', () => {
    const bare = (s: string) => s.replace(/\s/g, '');
    fc.assert(
      fc.property(text, fc.boolean(), (t, first) => {
        const r = parseUnits(t, { firstIsLead: first });
        for (const u of r.units) {
          expect(u.name.length).toBeGreaterThan(0);
          expect(bare(t).includes(bare(u.name))).toBe(true);
        }
        expect(r.lead.length + r.implementing.length).toBe(r.units.length);
        const sc = unitScore(t);
        expect(sc >= 0 && sc <= 1).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
