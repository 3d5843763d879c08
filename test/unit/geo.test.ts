import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  DISTRICT_IDS,
  DISTRICTS,
  districtChoicesIn,
  districtName,
  districtsOf,
  isDistrictId,
  isDistrictOf,
  isRegionCode,
  REGION_CODES,
  regionChoicesIn,
  regionName,
  REGIONS,
} from '../../src/core/geo/regions.ts';
import { districtByName, regionByName } from '../../src/core/geo/lookup.ts';
import { LOCALES } from '../../src/core/roles.ts';
import { DistrictId, RegionCode } from '../../src/core/schemas/geo.ts';
import { LEVEL1_SHAPES, LEVEL2_SHAPES, MAP_HEIGHT, MAP_WIDTH } from '../../src/web/components/geo-paths.ts';
import { valueClasses } from '../../src/web/components/Choropleth.tsx';

const CYRILLIC = /^[\p{Script=Cyrillic}\s-]+$/u;
const LATIN = /^[\p{Script=Latin}\s-]+$/u;

describe('regions (ISO 3166-2:KG)', () => {
  test("pick lists hold all nine in alphabetical order of the reader's language", () => {
    for (const l of LOCALES) {
      const labels = regionChoicesIn(l).map((c) => c.label);
      assert.equal(labels.length, 9);
      assert.deepEqual(
        labels,
        [...labels].sort((a, b) => a.localeCompare(b, l)),
        l,
      );
    }
    // Not code order (Batken, Chuy, Bishkek…): Bishkek comes before Chuy in Russian.
    const ru = regionChoicesIn('ru').map((c) => c.value);
    assert.ok(ru.indexOf('KG-GB') < ru.indexOf('KG-C'), ru.join(' '));
  });
  test('the 7 oblasts and the cities of Bishkek and Osh, once each', () => {
    assert.deepEqual(
      [...REGION_CODES],
      ['KG-B', 'KG-C', 'KG-GB', 'KG-GO', 'KG-J', 'KG-N', 'KG-O', 'KG-T', 'KG-Y'],
    );
    assert.deepEqual(
      REGIONS.map((r) => r.code),
      [...REGION_CODES],
    );
    assert.deepEqual(
      REGIONS.filter((r) => r.type === 'city').map((r) => r.code),
      ['KG-GB', 'KG-GO'],
    );
  });

  test('every region has a name in Kyrgyz and Russian (Cyrillic) and English (Latin)', () => {
    for (const r of REGIONS) {
      assert.match(r.names.ky, CYRILLIC, `${r.code} ky`);
      assert.match(r.names.ru, CYRILLIC, `${r.code} ru`);
      assert.match(r.names.en, LATIN, `${r.code} en`);
    }
  });

  test('only the Kyrgyz name of Osh city is flagged unverified', () => {
    const flagged = REGIONS.filter((r) => r.unverified?.length).map((r) => [r.code, r.unverified]);
    assert.deepEqual(flagged, [['KG-GO', ['ky']]]);
  });

  test('regionName picks the language, and Jalal-Abad carries its corrected code', () => {
    assert.equal(regionName('KG-Y', 'ky'), 'Ысык-Көл облусу');
    assert.equal(regionName('KG-Y', 'ru'), 'Иссык-Кульская область');
    assert.equal(regionName('KG-Y', 'en'), 'Issyk-Kul');
    assert.equal(regionName('KG-J', 'en'), 'Jalal-Abad');
    assert.equal(regionName('KG-C', 'en'), 'Chuy');
    assert.throws(() => regionName('KG-X' as never, 'en'), RangeError);
  });

  test('isRegionCode accepts exactly the nine codes', () => {
    for (const c of REGION_CODES) assert.ok(isRegionCode(c));
    for (const v of ['KG-X', 'kg-b', 'KG-B ', '', 'KG', 42, null, undefined, {}])
      assert.equal(isRegionCode(v), false);
  });
});

describe('districts (level 2)', () => {
  test('51 districts with distinct numeric Who’s On First ids', () => {
    assert.equal(DISTRICTS.length, 51);
    assert.equal(new Set(DISTRICT_IDS).size, 51);
    assert.deepEqual(
      DISTRICTS.map((d) => d.id),
      [...DISTRICT_IDS],
    );
    for (const id of DISTRICT_IDS) assert.match(id, /^[1-9]\d{7,}$/);
  });

  test('every district lies in an oblast; Bishkek and Osh city have none', () => {
    const counts = Object.fromEntries(REGION_CODES.map((c) => [c, districtsOf(c).length]));
    assert.deepEqual(counts, {
      'KG-B': 5,
      'KG-C': 9,
      'KG-GB': 0,
      'KG-GO': 0,
      'KG-J': 12,
      'KG-N': 6,
      'KG-O': 7,
      'KG-T': 5,
      'KG-Y': 7,
    });
    for (const d of DISTRICTS) {
      assert.ok(isRegionCode(d.region), d.id);
      assert.ok(districtsOf(d.region).includes(d), d.id);
    }
  });

  test('every district is named in all three languages, each name once in its region', () => {
    for (const d of DISTRICTS) {
      assert.match(d.name, /\p{L}/u);
      assert.match(d.names.ky, CYRILLIC, d.id);
      assert.match(d.names.ru, CYRILLIC, d.id);
      assert.match(d.names.en, LATIN, d.id);
      for (const l of LOCALES) assert.equal(districtName(d.id, l), d.names[l]);
      // A raion says it is one, so a raion and its town ("Нарын району", "Нарын") read apart.
      if (d.kind === 'raion') {
        assert.match(d.names.ky, / району$/, d.id);
        assert.match(d.names.ru, / район$/, d.id);
        assert.match(d.names.en, / District$/, d.id);
      }
    }
    for (const r of REGION_CODES)
      for (const l of LOCALES) {
        const labels = districtChoicesIn(r, l).map((c) => c.label);
        assert.equal(new Set(labels).size, labels.length, `${r} ${l}: ${labels.join(', ')}`);
        assert.deepEqual(
          labels,
          [...labels].sort((a, b) => a.localeCompare(b, l)),
        );
      }
    assert.equal(DISTRICTS.filter((d) => d.kind === 'city').length, 11);
    assert.equal(districtName('1091691579', 'en'), 'Moskva District', 'not "Moscow", the Russian capital');
    assert.equal(districtName('1091691579', 'ru'), 'Московский район');
    assert.equal(districtName('1091690903', 'ky'), 'Ала-Бука району');
    assert.throws(() => districtName('1' as never, 'ky'), RangeError);
  });

  test('a name no web source gave is marked unverified, as the source file says', () => {
    const names = JSON.parse(
      fs.readFileSync(path.join(import.meta.dirname, '../../reference/geo/kg-district-names.json'), 'utf8'),
    ) as { districts: { wof_id: string; sources: Record<string, string> }[] };
    for (const n of names.districts) {
      const d = DISTRICTS.find((x) => x.id === n.wof_id)!;
      for (const l of LOCALES)
        assert.equal(
          d.unverified?.includes(l) ?? false,
          /^UNVERIFIED/.test(n.sources[l]!),
          `${d.id} ${l}: ${n.sources[l]}`,
        );
    }
    assert.deepEqual(
      DISTRICTS.filter((d) => d.unverified?.includes('ky'))
        .map((d) => d.id)
        .sort(),
      ['1091690861', '1091692051', '1091692087'],
    );
  });

  test('districtByName: any language, with or without the kind word; ambiguous or foreign is null', () => {
    const cases: [string, string, string | null][] = [
      ['KG-J', 'Ала-Букинский район', '1091690903'],
      ['KG-J', 'Ала-Бука', '1091690903'],
      ['KG-J', '  АЛА-БУКА   району ', '1091690903'],
      ['KG-J', 'Ala-Buka District', '1091690903'],
      ['KG-C', 'Alamudun', '1091691655'],
      ['KG-C', 'Moscow', '1091691579'],
      ['KG-N', 'Нарын', '1091692087'],
      ['KG-N', 'Naryn', '1091692087'],
      ['KG-N', 'Нарынский район', '1091691221'],
      ['KG-Y', 'г. Каракол', '1091691853'],
      ['KG-Y', 'Каракол шаары', '1091691853'],
      ['KG-T', 'Kara-Buura', '1091690357'],
      ['KG-O', 'Кара-Суйский район', '1091690751'],
      ['KG-Y', 'Аксуйский район', '1091691455'],
      ['KG-Y', 'г. Балыкчи', '1091691903'],
      ['KG-O', 'Карасуйский район', '1091690751'],
      ['KG-O', 'Кара Суйский р-н', '1091690751'],
      ['KG-J', 'Ала Букинский', '1091690903'],
      // A town and its raion share a stem: the word for a city or a district says which.
      ['KG-N', 'г. Нарын', '1091692087'],
      ['KG-N', 'Naryn city', '1091692087'],
      ['KG-T', 'г. Талас', '1091692213'],
      ['KG-T', 'Talas district', '1091690143'],
      ['KG-C', 'Ала-Букинский район', null],
      ['KG-C', 'район', null],
      ['KG-C', '', null],
      ['KG-X', 'Alamudun', null],
      ['KG-GB', 'Alamudun', null],
    ];
    for (const [region, name, id] of cases)
      assert.equal(districtByName(region, name), id, `${region} ${name}`);
  });

  test('regionByName: as people write it in a spreadsheet; a word for a city or an oblast decides Osh', () => {
    const cases: [string, string | null][] = [
      ['KG-C', 'KG-C'],
      ['kg-c', 'KG-C'],
      ['Чуйская область', 'KG-C'],
      ['Чуйская обл.', 'KG-C'],
      ['Чуйская обл', 'KG-C'],
      ['Чүй облусу', 'KG-C'],
      ['Чуй облусу', 'KG-C'],
      ['Chuy', 'KG-C'],
      ['Chuy Region', 'KG-C'],
      ['Chuy oblast', 'KG-C'],
      ['Chüy', 'KG-C'],
      ['Chui', 'KG-C'],
      ['Бишкек', 'KG-GB'],
      ['г. Бишкек', 'KG-GB'],
      ['город Бишкек', 'KG-GB'],
      ['Bishkek city', 'KG-GB'],
      ['Osh', 'KG-GO'],
      ['Ош', 'KG-GO'],
      ['г. Ош', 'KG-GO'],
      ['Osh city', 'KG-GO'],
      ['Ош шаары', 'KG-GO'],
      ['Ошская обл.', 'KG-O'],
      ['Osh Region', 'KG-O'],
      ['Osh oblast', 'KG-O'],
      ['Ош облусу', 'KG-O'],
      ['Jalal-Abad Region', 'KG-J'],
      ['Djalal-Abad', 'KG-J'],
      ['Джалал-Абадская обл.', 'KG-J'],
      ['Жалал-Абад облусу', 'KG-J'],
      ['Issyk-Kul Region', 'KG-Y'],
      ['Иссык-Кульская область', 'KG-Y'],
      ['Ысык-Көл', 'KG-Y'],
      ['Issyk-Köl', 'KG-Y'],
      ['  НАРЫНСКАЯ   ОБЛАСТЬ ', 'KG-N'],
      ['Moscow', null],
      ['область', null],
      ['', null],
      ['г. Нарын', null],
      ['Джалал-Абад', 'KG-J'],
      ['Иссык-Куль', 'KG-Y'],
      ['гор.Бишкек', 'KG-GB'],
      ['г Бишкек', 'KG-GB'],
      ['Бишкек ш.', 'KG-GB'],
      ['Chuy obl.', 'KG-C'],
      ['Ошская обл.,', 'KG-O'],
    ];
    for (const [name, code] of cases) assert.equal(regionByName(name), code, name);
  });

  test('isDistrictOf and isDistrictId', () => {
    const naryn = districtsOf('KG-N')[0]!;
    assert.ok(isDistrictOf('KG-N', naryn.id));
    assert.equal(isDistrictOf('KG-C', naryn.id), false);
    assert.equal(isDistrictOf('KG-GB', naryn.id), false);
    assert.equal(isDistrictOf('KG-X', naryn.id), false);
    assert.equal(isDistrictOf('KG-N', '85672987'), false, 'a region id is not a district');
    assert.ok(isDistrictId(naryn.id));
    for (const v of ['85672987', '', Number(naryn.id), null]) assert.equal(isDistrictId(v), false);
  });
});

describe('zod schemas', () => {
  test('RegionCode and DistrictId accept the reference values only', () => {
    assert.equal(RegionCode.parse('KG-GO'), 'KG-GO');
    assert.equal(RegionCode.safeParse('KG-X').success, false);
    assert.equal(RegionCode.safeParse('kg-go').success, false);
    const id = DISTRICT_IDS[0];
    assert.equal(DistrictId.parse(id), id);
    assert.equal(DistrictId.safeParse('85672987').success, false);
    assert.equal(DistrictId.safeParse(Number(id)).success, false);
  });
});

describe('map geometry (generated SVG paths)', () => {
  /** Absolute points of a path made of M (absolute), l (relative) and z, as gen-geo writes it. */
  function rings(d: string): [number, number][][] {
    assert.match(d, /^(M[-\d. ]+l[-\d. ]+z)+$/, 'only M, l and z');
    return [...d.matchAll(/M([^l]+)l([^z]+)z/g)].map(([, start, steps]) => {
      const nums = (s: string) => (s.match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
      let [x, y] = nums(start!) as [number, number];
      const pts: [number, number][] = [[x, y]];
      const rel = nums(steps!);
      for (let i = 0; i < rel.length; i += 2) pts.push([(x += rel[i]!), (y += rel[i + 1]!)]);
      return pts;
    });
  }

  test('one shape per region and per district', () => {
    assert.deepEqual(LEVEL1_SHAPES.map((s) => s.id).sort(), [...REGION_CODES].sort());
    assert.deepEqual(LEVEL2_SHAPES.map((s) => s.id).sort(), [...DISTRICT_IDS].sort());
  });

  test('every point lies inside the viewBox, and lake Issyk-Kul is a hole', () => {
    for (const s of [...LEVEL1_SHAPES, ...LEVEL2_SHAPES]) {
      const rs = rings(s.d);
      assert.ok(rs.length > 0 && rs.every((r) => r.length >= 3), s.id);
      for (const [x, y] of rs.flat()) {
        assert.ok(x >= 0 && x <= MAP_WIDTH && y >= 0 && y <= MAP_HEIGHT, `${s.id}: ${x},${y}`);
      }
    }
    assert.ok(rings(LEVEL1_SHAPES.find((s) => s.id === 'KG-Y')!.d).length >= 2);
  });

  test('the two cities and the towns too small to see get a dot', () => {
    const dotted = LEVEL1_SHAPES.filter((s) => s.marker).map((s) => s.id);
    assert.deepEqual(dotted, ['KG-GB', 'KG-GO']);
    assert.ok(LEVEL2_SHAPES.filter((s) => s.marker).length >= 10);
  });

  test('the committed outputs match scripts/gen-geo.mjs and reference/geo/', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const r = spawnSync(process.execPath, ['scripts/gen-geo.mjs', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
  });
});

describe('choropleth classes', () => {
  test('no values, no classes', () => {
    assert.deepEqual(valueClasses([]).classes, []);
  });

  test('equal values make one class', () => {
    const { classes, classOf } = valueClasses([4, 4, 4]);
    assert.equal(classes.length, 1);
    assert.deepEqual([classes[0]!.from, classes[0]!.to], [4, 4]);
    assert.equal(classOf(4), 0);
  });

  test('nothing reported anywhere is drawn in the palest shade, not as a busy map', () => {
    const zeros = valueClasses([0, 0, 0]).classes[0]!.color;
    const fours = valueClasses([4, 4, 4]).classes[0]!.color;
    assert.equal(zeros, valueClasses([0, 1, 2, 3, 4]).classes[0]!.color, 'the palest shade');
    assert.notEqual(zeros, fours);
  });

  test('skewed counts spread over at most five non-empty, ordered classes', () => {
    const values = [0, 0, 0, 1, 2, 3, 3, 5, 8, 13, 50, 200];
    const { classes, classOf } = valueClasses(values);
    assert.equal(classes.length, 5);
    for (const v of values) {
      const c = classes[classOf(v)]!;
      assert.ok(c.from <= v && v <= c.to, `${v} in ${c.from}–${c.to}`);
    }
    for (let i = 1; i < classes.length; i++) assert.ok(classes[i - 1]!.to < classes[i]!.from);
    assert.equal(new Set(classes.map((c) => c.color)).size, classes.length);
  });
});
