import { compareNames, nameTokens } from './src/core/names/index.ts';
for (const [a,b] of [['Kurmanbek Satybaldyev','Сатыбалды Курманбек уулу'],['Khusan Timurov','TIMUROV KHASAN'],['Aida Joomartova','JOOMARTOVA AYDAY']]) {
  console.log(a,b,JSON.stringify(compareNames(a!,b!)), nameTokens(a!).map(t=>t.phon), nameTokens(b!).map(t=>t.phon));
}
