import type { ShippedTerm } from './vocab.sources.ts';
import { term, type L } from './vocab.rights.term.ts';

/** The `intl_rights` scheme: the treaty articles listed in vocab.rights.ts, with their labels. */

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
