import type { ShippedTerm } from './vocab.sources.ts';

/**
 * Rights affected: the Constitution of the Kyrgyz Republic (2021) and the articles of ICCPR, CAT,
 * CEDAW and CRC most used in Bir Duino's work. Labels are Ukuk's own short paraphrases (drafts until a
 * speaker reviews them). Constitution article numbers: ONLY those the source file lists as verified
 * (reference/constitution/SOURCE.md); every other right is imported without a number until an
 * administrator checks the official text and enters it.
 */
type L = [ky: string, ru: string, en: string];

function term(code: string, [ky, ru, en]: L, ref: string | null, parent: string | null = null): ShippedTerm {
  return { code, parent, ky, ru, en, ref, kyStatus: 'draft', ruStatus: 'draft' };
}

/** Verified entries, keyed by article (and paragraph) as the source file gives them. */
const VERIFIED: Record<string, [code: string, labels: L]> = {
  '2': [
    'democratic_governance',
    [
      'Элдин бийлиги; эркин шайлоолор жана референдумдар',
      'Народовластие; свободные выборы и референдумы',
      'Democratic governance; free elections and referendums',
    ],
  ],
  '6(3)': [
    'international_law',
    [
      'Ратификацияланган эл аралык келишимдер жана эл аралык укуктун жалпы таанылган принциптери укуктук системанын бир бөлүгү',
      'Ратифицированные международные договоры и общепризнанные принципы международного права — часть правовой системы',
      'Ratified treaties and recognised principles of international law are part of the legal system',
    ],
  ],
  '37': [
    'public_affairs',
    [
      'Мамлекеттик иштерди башкарууга катышуу укугу',
      'Право участвовать в управлении делами государства',
      'Right to take part in the conduct of public affairs',
    ],
  ],
  '55': [
    'protection_of_rights',
    [
      'Адамдын укуктарын жана эркиндиктерин коргоо',
      'Защита прав и свобод человека',
      'Protection of human rights and freedoms',
    ],
  ],
  '56': [
    'torture',
    [
      'Кыйноого жана ырайымсыз, адамгерчиликсиз же кадыр-баркты басмырлаган мамилеге тыюу салуу',
      'Запрет пыток и жестокого, бесчеловечного или унижающего достоинство обращения',
      'Prohibition of torture and cruel, inhuman or degrading treatment',
    ],
  ],
};

/** Unverified entries, keyed by the source's `right` text; their `ref` stays null whatever the file says. */
const UNVERIFIED: Record<string, [code: string, labels: L]> = {
  'right to life; death penalty prohibited': [
    'life',
    [
      'Жашоо укугу; өлүм жазасына тыюу салынат',
      'Право на жизнь; запрет смертной казни',
      'Right to life; death penalty prohibited',
    ],
  ],
  'liberty and security of person; arrest only by court decision': [
    'liberty',
    [
      'Эркиндик жана жеке кол тийбестик; камакка алуу сот чечими менен гана',
      'Свобода и личная неприкосновенность; арест только по решению суда',
      'Liberty and security of person; arrest only by court decision',
    ],
  ],
  'equality before the law; non-discrimination': [
    'equality',
    [
      'Мыйзам алдында теңдик; басмырлоого тыюу салуу',
      'Равенство перед законом; запрет дискриминации',
      'Equality before the law; non-discrimination',
    ],
  ],
  'equal rights and opportunities of men and women': [
    'gender_equality',
    [
      'Эркектер менен аялдардын тең укуктары жана тең мүмкүнчүлүктөрү',
      'Равные права и возможности мужчин и женщин',
      'Equal rights and opportunities of men and women',
    ],
  ],
  'rights of the child / best interests of the child': [
    'child',
    [
      'Баланын укуктары; баланын кызыкчылыктары биринчи орунда',
      'Права ребёнка; наилучшие интересы ребёнка',
      'Rights of the child; best interests of the child',
    ],
  ],
  'freedom of thought, opinion and expression; freedom of the press': [
    'expression',
    [
      'Ой, пикир жана аларды билдирүү эркиндиги; басма сөз эркиндиги',
      'Свобода мысли, мнения и их выражения; свобода печати',
      'Freedom of thought, opinion and expression; freedom of the press',
    ],
  ],
  'freedom of conscience and religion': [
    'religion',
    [
      'Абийир жана дин тутуу эркиндиги',
      'Свобода совести и вероисповедания',
      'Freedom of conscience and religion',
    ],
  ],
  'freedom of peaceful assembly': [
    'assembly',
    ['Тынч чогулуштар эркиндиги', 'Свобода мирных собраний', 'Freedom of peaceful assembly'],
  ],
  'freedom of association': [
    'association',
    ['Бирикмелерге биригүү эркиндиги', 'Свобода объединений', 'Freedom of association'],
  ],
  'privacy; inviolability of the home; secrecy of correspondence': [
    'privacy',
    [
      'Жеке жашоонун жана турак жайдын кол тийбестиги; кат алышуунун сыры',
      'Неприкосновенность частной жизни и жилища; тайна переписки',
      'Privacy; inviolability of the home; secrecy of correspondence',
    ],
  ],
  'freedom of movement': [
    'movement',
    ['Эркин жүрүп-туруу укугу', 'Свобода передвижения', 'Freedom of movement'],
  ],
  'right to a fair trial and judicial protection; legal assistance': [
    'fair_trial',
    [
      'Адилеттүү сот териштирүүсү жана соттук коргоо; юридикалык жардам',
      'Справедливое судебное разбирательство и судебная защита; юридическая помощь',
      'Fair trial and judicial protection; legal assistance',
    ],
  ],
  'right to property': ['property', ['Менчик укугу', 'Право собственности', 'Right to property']],
  'right to work; prohibition of forced labour': [
    'work',
    [
      'Эмгек укугу; мажбурлап иштетүүгө тыюу салуу',
      'Право на труд; запрет принудительного труда',
      'Right to work; prohibition of forced labour',
    ],
  ],
  'right to social security': [
    'social_security',
    ['Социалдык камсыздоо укугу', 'Право на социальное обеспечение', 'Right to social security'],
  ],
  'right to health care': [
    'health',
    ['Ден соолукту коргоо укугу', 'Право на охрану здоровья', 'Right to health care'],
  ],
  'right to education': ['education', ['Билим алуу укугу', 'Право на образование', 'Right to education']],
  'right to a healthy environment': [
    'environment',
    [
      'Ден соолук үчүн коопсуз айлана-чөйрөгө укук',
      'Право на благоприятную окружающую среду',
      'Right to a healthy environment',
    ],
  ],
  'right to information / access to information': [
    'information',
    [
      'Маалымат алуу укугу',
      'Право на информацию и доступ к ней',
      'Right to information; access to information',
    ],
  ],
  'electoral rights (vote and stand for election)': [
    'electoral',
    [
      'Шайлоо укуктары: шайлоо жана шайлануу',
      'Избирательные права: избирать и быть избранным',
      'Electoral rights: to vote and to stand for election',
    ],
  ],
  'permitted limitations of rights (morality, national security, etc.)': [
    'limitations',
    [
      'Укуктарды чектөөнүн жол берилген негиздери',
      'Допустимые ограничения прав',
      'Permitted limitations of rights',
    ],
  ],
};

interface ConstitutionFile {
  verified: { article: string; paragraph?: string; label_en: string }[];
  unverified: { right: string; article: string | null }[];
}

/** The `kg_constitution` scheme from the source file; an entry this file has no labels for keeps its English. */
export function constitutionTerms(file: ConstitutionFile): ShippedTerm[] {
  const out: ShippedTerm[] = [];
  for (const v of file.verified) {
    const ref = v.paragraph ? `${v.article}(${v.paragraph})` : v.article;
    const known = VERIFIED[ref];
    const code = known?.[0] ?? `art_${ref.replace(/\W+/g, '_')}`;
    out.push(term(code, known?.[1] ?? ['', '', v.label_en], ref));
  }
  for (const u of file.unverified) {
    const known = UNVERIFIED[u.right];
    const code =
      known?.[0] ??
      u.right
        .toLowerCase()
        .replace(/[^a-z]+/g, '_')
        .slice(0, 40);
    out.push(term(code, known?.[1] ?? ['', '', u.right], null));
  }
  return out.map((t) => ({
    ...t,
    kyStatus: t.ky ? 'draft' : 'missing',
    ruStatus: t.ru ? 'draft' : 'missing',
  }));
}

function treaty(code: string, name: L, abbr: string, articles: [number, L][]): ShippedTerm[] {
  return [
    term(code, name, null),
    ...articles.map(([n, labels]) => term(`${code}_${n}`, labels, `${abbr} ${n}`, code)),
  ];
}

const TORTURE: L = [
  'Кыйноого жана ырайымсыз, адамгерчиликсиз же кадыр-баркты басмырлаган мамилеге тыюу салуу',
  'Запрет пыток и жестокого, бесчеловечного или унижающего достоинство обращения',
  'Prohibition of torture and cruel, inhuman or degrading treatment',
];

/** `intl_rights`: treaty → article; `ref` is "ICCPR 7" etc. */
export const INTL_RIGHTS: ShippedTerm[] = [
  ...treaty(
    'iccpr',
    [
      'Жарандык жана саясий укуктар жөнүндө эл аралык пакт',
      'Международный пакт о гражданских и политических правах (МПГПП)',
      'International Covenant on Civil and Political Rights (ICCPR)',
    ],
    'ICCPR',
    [
      [6, ['Жашоо укугу', 'Право на жизнь', 'Right to life']],
      [7, TORTURE],
      [
        9,
        [
          'Эркиндикке жана жеке кол тийбестикке укук; өзүм билемдик менен камакка алууга тыюу салуу',
          'Право на свободу и личную неприкосновенность; запрет произвольного ареста или задержания',
          'Liberty and security of person; no arbitrary arrest or detention',
        ],
      ],
      [
        10,
        [
          'Эркиндигинен ажыратылган адамдарга адамгерчиликтүү мамиле кылуу',
          'Гуманное обращение с лицами, лишёнными свободы',
          'Humane treatment of persons deprived of liberty',
        ],
      ],
      [
        14,
        [
          'Адилеттүү сот териштирүүсүнө укук',
          'Право на справедливое судебное разбирательство',
          'Right to a fair trial',
        ],
      ],
      [
        18,
        [
          'Ой, абийир жана дин эркиндиги',
          'Свобода мысли, совести и религии',
          'Freedom of thought, conscience and religion',
        ],
      ],
      [
        19,
        [
          'Пикир эркиндиги жана аны билдирүү эркиндиги',
          'Свобода мнений и их выражения',
          'Freedom of opinion and expression',
        ],
      ],
      [21, ['Тынч чогулуштарга укук', 'Право на мирные собрания', 'Right of peaceful assembly']],
      [22, ['Бирикмелерге биригүү эркиндиги', 'Свобода ассоциации', 'Freedom of association']],
      [
        25,
        [
          'Мамлекеттик иштерди башкарууга катышуу, шайлоо жана шайлануу укугу',
          'Право участвовать в ведении государственных дел, голосовать и быть избранным',
          'Right to take part in public affairs, to vote and to be elected',
        ],
      ],
      [
        26,
        [
          'Мыйзам алдында теңдик жана басмырлоого тыюу салуу',
          'Равенство перед законом и запрет дискриминации',
          'Equality before the law and non-discrimination',
        ],
      ],
    ],
  ),
  ...treaty(
    'cat',
    ['Кыйноолорго каршы конвенция', 'Конвенция против пыток (КПП)', 'Convention against Torture (CAT)'],
    'CAT',
    [
      [1, ['Кыйноонун аныктамасы', 'Определение пытки', 'Definition of torture']],
      [
        2,
        [
          'Кыйноонун алдын алуу милдети; эч кандай өзгөчө жагдай кыйноону актабайт',
          'Обязанность предупреждать пытки; никакие исключительные обстоятельства их не оправдывают',
          'Duty to prevent torture; no exceptional circumstances justify it',
        ],
      ],
      [
        12,
        [
          'Тез жана калыс иликтөө',
          'Быстрое и беспристрастное расследование',
          'Prompt and impartial investigation',
        ],
      ],
      [
        13,
        [
          'Даттануу жана арызды кароо укугу',
          'Право на жалобу и её рассмотрение',
          'Right to complain and have the complaint examined',
        ],
      ],
      [
        14,
        [
          'Зыяндын ордун толтуруу, компенсация жана реабилитация',
          'Возмещение ущерба, компенсация и реабилитация',
          'Redress, compensation and rehabilitation',
        ],
      ],
      [
        15,
        [
          'Кыйноо менен алынган көрсөтмөлөрдү далил катары колдонууга болбойт',
          'Недопустимость показаний, полученных под пыткой',
          'Statements made under torture are inadmissible',
        ],
      ],
      [
        16,
        [
          'Ырайымсыз, адамгерчиликсиз же кадыр-баркты басмырлаган мамиленин башка түрлөрү',
          'Другие виды жестокого, бесчеловечного или унижающего достоинство обращения',
          'Other cruel, inhuman or degrading treatment',
        ],
      ],
    ],
  ),
  ...treaty(
    'cedaw',
    [
      'Аялдарды басмырлоонун бардык түрлөрүн жоюу жөнүндө конвенция',
      'Конвенция о ликвидации всех форм дискриминации в отношении женщин (КЛДЖ)',
      'Convention on the Elimination of All Forms of Discrimination against Women (CEDAW)',
    ],
    'CEDAW',
    [
      [
        1,
        [
          'Аялдарды басмырлоонун аныктамасы',
          'Определение дискриминации в отношении женщин',
          'Definition of discrimination against women',
        ],
      ],
      [
        2,
        [
          'Басмырлоону жоюу боюнча мамлекеттин милдеттери',
          'Обязательства государства по ликвидации дискриминации',
          'State obligations to eliminate discrimination',
        ],
      ],
      [
        5,
        [
          'Эркектер менен аялдардын ролдору тууралуу стереотиптерди өзгөртүү',
          'Изменение стереотипов о ролях мужчин и женщин',
          'Changing stereotyped roles of men and women',
        ],
      ],
      [
        16,
        [
          'Никедеги жана үй-бүлөдөгү теңдик; никеге эркин макулдук',
          'Равенство в браке и семье; свободное согласие на брак',
          'Equality in marriage and family life; free consent to marriage',
        ],
      ],
    ],
  ),
  ...treaty(
    'crc',
    [
      'Бала укуктары жөнүндө конвенция',
      'Конвенция о правах ребёнка (КПР)',
      'Convention on the Rights of the Child (CRC)',
    ],
    'CRC',
    [
      [
        3,
        [
          'Баланын кызыкчылыктары биринчи орунда',
          'Наилучшие интересы ребёнка',
          'Best interests of the child',
        ],
      ],
      [
        19,
        [
          'Зомбулуктун, катаал мамиленин жана кароосуз калтыруунун бардык түрлөрүнөн коргоо',
          'Защита от всех форм насилия, жестокого обращения и отсутствия заботы',
          'Protection from all forms of violence, abuse and neglect',
        ],
      ],
      [
        37,
        [
          'Кыйноого тыюу салуу; баланы эркиндигинен ажыратуу акыркы чара катары гана',
          'Запрет пыток; лишение ребёнка свободы — только как крайняя мера',
          'No torture; detention of a child only as a last resort',
        ],
      ],
      [
        40,
        [
          'Жашы жете электерге карата сот адилеттиги',
          'Правосудие в отношении несовершеннолетних',
          'Juvenile justice',
        ],
      ],
    ],
  ),
];
