/**
 * The legal-aid vocabularies shipped with Ukuk, in three languages. Seeding only adds codes that are
 * missing (an administrator's later changes are kept); a code is never reused for another meaning:
 * retire it and add a new one, so that old cases keep their meaning.
 */
export interface SeedTerm {
  code: string;
  parent?: string;
  ky: string;
  ru: string;
  en: string;
}

export const SEED: Record<string, SeedTerm[]> = {
  case_type: [
    {
      code: 'criminal_defence',
      ky: 'Кылмыш иши боюнча коргоо',
      ru: 'Защита по уголовному делу',
      en: 'Criminal defence',
    },
    {
      code: 'victim_representation',
      ky: 'Жабырлануучунун кызыкчылыгын коргоо',
      ru: 'Представительство потерпевшего',
      en: 'Victim representation',
    },
    { code: 'civil', ky: 'Жарандык иш', ru: 'Гражданское дело', en: 'Civil case' },
    {
      code: 'administrative',
      ky: 'Административдик иш',
      ru: 'Административное дело',
      en: 'Administrative case',
    },
    { code: 'consultation', ky: 'Консультация', ru: 'Консультация', en: 'Consultation' },
  ],
  legal_problem: [
    {
      code: 'torture',
      ky: 'Кыйноо жана катаал мамиле',
      ru: 'Пытки и жестокое обращение',
      en: 'Torture and ill-treatment',
    },
    { code: 'sexual_violence', ky: 'Сексуалдык зомбулук', ru: 'Сексуальное насилие', en: 'Sexual violence' },
    { code: 'domestic_violence', ky: 'Үй-бүлөлүк зомбулук', ru: 'Домашнее насилие', en: 'Domestic violence' },
    {
      code: 'bride_kidnapping',
      ky: 'Никеге туруу үчүн ала качуу',
      ru: 'Похищение невесты',
      en: 'Bride kidnapping',
    },
    {
      code: 'arbitrary_detention',
      ky: 'Мыйзамсыз кармоо',
      ru: 'Произвольное задержание',
      en: 'Arbitrary or unlawful detention',
    },
    {
      code: 'fair_trial',
      ky: 'Адилеттүү сотко болгон укуктун бузулушу',
      ru: 'Нарушение права на справедливый суд',
      en: 'Fair trial violation',
    },
    {
      code: 'criminal_charge',
      ky: 'Кылмыш боюнча айыптоо',
      ru: 'Уголовное обвинение',
      en: 'Criminal charge',
    },
    {
      code: 'police_misconduct',
      ky: 'Милициянын мыйзамсыз аракеттери',
      ru: 'Неправомерные действия милиции',
      en: 'Police misconduct',
    },
    {
      code: 'freedom_expression',
      ky: 'Сөз эркиндиги',
      ru: 'Свобода выражения мнений',
      en: 'Freedom of expression',
    },
    {
      code: 'freedom_assembly',
      ky: 'Тынч чогулуш эркиндиги',
      ru: 'Свобода мирных собраний',
      en: 'Freedom of peaceful assembly',
    },
    {
      code: 'freedom_religion',
      ky: 'Дин тутуу эркиндиги',
      ru: 'Свобода вероисповедания',
      en: 'Freedom of religion',
    },
    { code: 'discrimination', ky: 'Басмырлоо', ru: 'Дискриминация', en: 'Discrimination' },
    { code: 'labour', ky: 'Эмгек укуктары', ru: 'Трудовые права', en: 'Labour rights' },
    {
      code: 'housing_property',
      ky: 'Турак жай жана мүлк',
      ru: 'Жильё и имущество',
      en: 'Housing and property',
    },
    {
      code: 'family',
      ky: 'Үй-бүлөлүк иштер (ажырашуу, алимент, балдар)',
      ru: 'Семейные дела (развод, алименты, дети)',
      en: 'Family matters (divorce, alimony, children)',
    },
    {
      code: 'documents_citizenship',
      ky: 'Документтер жана жарандык',
      ru: 'Документы и гражданство',
      en: 'Identity documents and citizenship',
    },
    { code: 'migration', ky: 'Миграция', ru: 'Миграция', en: 'Migration' },
    {
      code: 'social_benefits',
      ky: 'Социалдык жөлөкпул жана пенсия',
      ru: 'Социальные пособия и пенсии',
      en: 'Social benefits and pensions',
    },
    { code: 'other', ky: 'Башка', ru: 'Другое', en: 'Other' },
  ],
  closing_code: [
    { code: 'defence', ky: 'Коргоо', ru: 'Защита', en: 'Defence' },
    { code: 'defence.acquitted', parent: 'defence', ky: 'Акталды', ru: 'Оправдан', en: 'Acquitted' },
    {
      code: 'defence.charges_dropped',
      parent: 'defence',
      ky: 'Айыптоо алынып салынды',
      ru: 'Обвинение снято',
      en: 'Charges dropped',
    },
    {
      code: 'defence.reduced_charge',
      parent: 'defence',
      ky: 'Айыптоо жеңилдетилди',
      ru: 'Обвинение смягчено',
      en: 'Reduced charge',
    },
    {
      code: 'defence.reduced_sentence',
      parent: 'defence',
      ky: 'Жаза жеңилдетилди',
      ru: 'Наказание смягчено',
      en: 'Reduced sentence',
    },
    {
      code: 'defence.non_custodial',
      parent: 'defence',
      ky: 'Эркиндигинен ажыратууга байланышпаган жаза',
      ru: 'Наказание, не связанное с лишением свободы',
      en: 'Non-custodial sentence',
    },
    {
      code: 'defence.released',
      parent: 'defence',
      ky: 'Камактан бошотулду',
      ru: 'Освобождён из-под стражи',
      en: 'Released from custody',
    },
    { code: 'defence.convicted', parent: 'defence', ky: 'Соттолду', ru: 'Осуждён', en: 'Convicted' },
    { code: 'victim', ky: 'Жабырлануучу', ru: 'Потерпевший', en: 'Victim' },
    {
      code: 'victim.remedy_obtained',
      parent: 'victim',
      ky: 'Укугу калыбына келтирилди',
      ru: 'Право восстановлено',
      en: 'Remedy obtained',
    },
    {
      code: 'victim.perpetrator_prosecuted',
      parent: 'victim',
      ky: 'Укук бузуучу жоопко тартылды',
      ru: 'Нарушитель привлечён к ответственности',
      en: 'Perpetrator prosecuted',
    },
    {
      code: 'victim.perpetrator_convicted',
      parent: 'victim',
      ky: 'Укук бузуучу соттолду',
      ru: 'Нарушитель осуждён',
      en: 'Perpetrator convicted',
    },
    {
      code: 'victim.compensation',
      parent: 'victim',
      ky: 'Компенсация алынды',
      ru: 'Получена компенсация',
      en: 'Compensation obtained',
    },
    {
      code: 'victim.un_complaint_filed',
      parent: 'victim',
      ky: 'БУУнун органына арыз берилди',
      ru: 'Подана жалоба в орган ООН',
      en: 'Complaint to a UN body filed',
    },
    {
      code: 'victim.un_views_adopted',
      parent: 'victim',
      ky: 'БУУнун органы пикирин кабыл алды',
      ru: 'Орган ООН принял соображения',
      en: 'UN body adopted views',
    },
    {
      code: 'victim.complaint_rejected',
      parent: 'victim',
      ky: 'Арыз четке кагылды',
      ru: 'Жалоба отклонена',
      en: 'Complaint rejected',
    },
    { code: 'general', ky: 'Жалпы', ru: 'Общее', en: 'General' },
    {
      code: 'general.advice_given',
      parent: 'general',
      ky: 'Кеңеш берилди',
      ru: 'Дана консультация',
      en: 'Advice given',
    },
    {
      code: 'general.settled',
      parent: 'general',
      ky: 'Ынтымакка келишти',
      ru: 'Мировое соглашение',
      en: 'Settled',
    },
    {
      code: 'general.decided_favourably',
      parent: 'general',
      ky: 'Кардардын пайдасына чечилди',
      ru: 'Решено в пользу клиента',
      en: 'Decided in the client’s favour',
    },
    {
      code: 'general.decided_unfavourably',
      parent: 'general',
      ky: 'Кардардын пайдасына чечилген жок',
      ru: 'Решено не в пользу клиента',
      en: 'Decided against the client',
    },
    {
      code: 'general.referred',
      parent: 'general',
      ky: 'Башка уюмга жөнөтүлдү',
      ru: 'Передано в другую организацию',
      en: 'Referred elsewhere',
    },
    {
      code: 'general.client_withdrew',
      parent: 'general',
      ky: 'Кардар баш тартты',
      ru: 'Клиент отказался',
      en: 'Client withdrew',
    },
    {
      code: 'general.lost_contact',
      parent: 'general',
      ky: 'Байланыш үзүлдү',
      ru: 'Связь потеряна',
      en: 'Lost contact',
    },
    { code: 'general.other', parent: 'general', ky: 'Башка', ru: 'Другое', en: 'Other' },
  ],
};
