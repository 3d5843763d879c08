import type { L } from './vocab.rights.term.ts';

/** Labels of the `kg_constitution` rights, matched to the source file by constitutionTerms (vocab.rights.ts). */

/** Verified entries, keyed by article (and paragraph) as the source file gives them. */
export const VERIFIED: Record<string, [code: string, labels: L]> = {
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
export const UNVERIFIED: Record<string, [code: string, labels: L]> = {
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
