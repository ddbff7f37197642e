package credit.platform.registry.demo.domain;

import credit.platform.identifiers.SyntheticIdentifiers;
import credit.platform.registry.bulkimport.domain.ImportLine;
import credit.platform.registry.subject.domain.SubjectDraft;
import credit.platform.registry.subject.domain.SubjectDraft.IdentifierDraft;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic registry: persons with valid resident IDs (real division codes,
 * plausible birth dates, correct check characters; some with a bound passport), companies with
 * valid USCCs, legal representatives (some replaced, so as-of queries matter), shareholders,
 * business partners, and permits (some expired). Same seed and size, same lines.
 *
 * <p>Generated lazily in import order (persons, then companies, then each company's relationships
 * and permits); nothing is held in memory, so any size from 1 000 to 1 000 000 streams. Every
 * subject is derived from (seed, index), so a relationship names its parties by recomputing them.
 */
public final class SyntheticRegistry implements Iterable<ImportLine> {

    /** Validity periods are placed relative to this fixed day, not the clock (determinism). */
    static final LocalDate REFERENCE_DAY = LocalDate.of(2026, 1, 1);
    static final LocalDate LATEST_BIRTH = LocalDate.of(2006, 12, 31);

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "林", "罗", "高"};
    private static final String[] SURNAMES_LATIN = {"WANG", "LI", "ZHANG", "LIU", "CHEN", "YANG", "HUANG", "ZHAO", "WU",
            "ZHOU", "XU", "SUN", "MA", "ZHU", "HU", "GUO", "HE", "LIN", "LUO", "GAO"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
            "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "华", "建", "国", "文", "玲"};
    private static final String[] GIVEN_LATIN = {"Wei", "Fang", "Na", "Min", "Jing", "Li", "Qiang", "Lei", "Jun", "Yang",
            "Yong", "Yan", "Jie", "Juan", "Tao", "Ming", "Chao", "Xiu", "Xia", "Ping", "Gang", "Hua", "Jian", "Guo",
            "Wen", "Ling"};
    private static final String[] BRAND = {"华信", "宏达", "新源", "恒通", "联创", "瑞丰", "嘉和", "鑫隆", "天成", "博远"};
    private static final String[] TRADE = {"科技", "贸易", "建设", "物流", "餐饮", "制造", "医药", "文化"};
    private static final String[] PERMIT_TYPES = {"食品经营许可证", "建筑业企业资质证书", "药品经营许可证",
            "道路运输经营许可证", "排污许可证"};

    private final long seed;
    private final int persons;
    private final int companies;

    /** @param size total subjects; 70 % persons, 30 % companies (at least one of each) */
    public SyntheticRegistry(long seed, int size) {
        if (size < 2) {
            throw new IllegalArgumentException("size must be at least 2");
        }
        this.seed = seed;
        this.companies = Math.max(1, size * 3 / 10);
        this.persons = size - companies;
    }

    public int persons() {
        return persons;
    }

    public int companies() {
        return companies;
    }

    private SplittableRandom random(int kind, long index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + kind * 1_000_000_007L + index);
    }

    public String residentIdOf(int person) {
        return SyntheticIdentifiers.residentId(random(1, person), LATEST_BIRTH);
    }

    public String usccOf(int company) {
        return SyntheticIdentifiers.uscc(random(2, company));
    }

    private ImportLine person(int i) {
        SplittableRandom r = random(3, i);
        int s = r.nextInt(SURNAMES.length);
        int g1 = r.nextInt(GIVEN.length);
        boolean two = r.nextBoolean();
        int g2 = r.nextInt(GIVEN.length);
        String name = SURNAMES[s] + GIVEN[g1] + (two ? GIVEN[g2] : "");
        String latin = SURNAMES_LATIN[s] + " " + GIVEN_LATIN[g1] + (two ? GIVEN_LATIN[g2].toLowerCase() : "");
        String id = residentIdOf(i);
        List<IdentifierDraft> ids = new ArrayList<>(List.of(new IdentifierDraft("RESIDENT_ID", id, null, false)));
        if (r.nextInt(10) == 0) {
            ids.add(new IdentifierDraft("PASSPORT", "E%08d".formatted(i), "CHN", false));
        }
        return new ImportLine.SubjectLine(new SubjectDraft("PERSON", ids, name, latin, id.substring(0, 6)));
    }

    private ImportLine company(int c) {
        SplittableRandom r = random(4, c);
        String code = usccOf(c);
        String name = BRAND[r.nextInt(BRAND.length)] + TRADE[r.nextInt(TRADE.length)] + "有限公司（" + c + "）";
        return new ImportLine.SubjectLine(new SubjectDraft("LEGAL_ENTITY",
                List.of(new IdentifierDraft("USCC", code, null, false)), name, null, code.substring(2, 8)));
    }

    /** Relationships and permits of company c. */
    private List<ImportLine> links(int c) {
        SplittableRandom r = random(5, c);
        List<ImportLine> out = new ArrayList<>();
        IdentifierDraft company = new IdentifierDraft("USCC", usccOf(c), null, false);
        LocalDate founded = REFERENCE_DAY.minusDays(365 + r.nextInt(365 * 15));
        // Legal representative; one company in four changed it, so the as-of day matters.
        int rep = r.nextInt(persons);
        if (r.nextInt(4) == 0) {
            LocalDate change = founded.plusDays(1 + r.nextInt((int) (REFERENCE_DAY.toEpochDay() - founded.toEpochDay())));
            out.add(relationship("LEGAL_REPRESENTATIVE", personDraft(rep), company, founded, change.minusDays(1), 0));
            out.add(relationship("LEGAL_REPRESENTATIVE", personDraft(r.nextInt(persons)), company, change, null, 0));
        } else {
            out.add(relationship("LEGAL_REPRESENTATIVE", personDraft(rep), company, founded, null, 0));
        }
        // Shareholders: 1–3 persons sharing 10000 basis points.
        int holders = 1 + r.nextInt(3);
        int left = 10_000;
        for (int h = 0; h < holders; h++) {
            int share = h == holders - 1 ? left : 1 + r.nextInt(left - (holders - h - 1));
            left -= share;
            out.add(relationship("SHAREHOLDER", personDraft(r.nextInt(persons)), company, founded, null, share));
        }
        if (r.nextInt(3) == 0) {
            out.add(relationship("ACTUAL_CONTROLLER", personDraft(rep), company, founded, null, 0));
        }
        if (companies > 1 && r.nextInt(3) == 0) {
            int partner = (c + 1 + r.nextInt(companies - 1)) % companies;
            out.add(relationship("BUSINESS_PARTNER", company, new IdentifierDraft("USCC", usccOf(partner), null, false),
                    founded.plusDays(r.nextInt(300)), null, 0));
        }
        // Permits: 0–2, valid 3 or 5 years from a day in the last 10 years (so some have expired).
        int permits = r.nextInt(3);
        for (int p = 0; p < permits; p++) {
            LocalDate from = REFERENCE_DAY.minusDays(r.nextInt(3650));
            LocalDate to = from.plusYears(r.nextBoolean() ? 3 : 5).minusDays(1);
            out.add(new ImportLine.PermitLine(company, PERMIT_TYPES[r.nextInt(PERMIT_TYPES.length)],
                    "市场监督管理局", "XK%06d-%d".formatted(c, p), from.toString(), to.toString(),
                    r.nextInt(20) == 0 ? "REVOKED" : "VALID"));
        }
        return out;
    }

    private IdentifierDraft personDraft(int i) {
        return new IdentifierDraft("RESIDENT_ID", residentIdOf(i), null, false);
    }

    private static ImportLine relationship(String type, IdentifierDraft from, IdentifierDraft to, LocalDate validFrom,
            LocalDate validTo, int share) {
        return new ImportLine.RelationshipLine(type, from, to, validFrom.toString(),
                validTo == null ? null : validTo.toString(), share);
    }

    @Override
    public Iterator<ImportLine> iterator() {
        return new Iterator<>() {
            private int person;
            private int company;
            private int linked;
            private final java.util.ArrayDeque<ImportLine> pending = new java.util.ArrayDeque<>();

            @Override
            public boolean hasNext() {
                return person < persons || company < companies || !pending.isEmpty() || linked < companies;
            }

            @Override
            public ImportLine next() {
                if (person < persons) {
                    return person(person++);
                }
                if (company < companies) {
                    return company(company++);
                }
                while (pending.isEmpty() && linked < companies) {
                    pending.addAll(links(linked++));
                }
                if (pending.isEmpty()) {
                    throw new NoSuchElementException();
                }
                return pending.poll();
            }
        };
    }

    /** The lines numbered from 1, as an import reads them. */
    public Iterator<ImportLine.Numbered> numbered() {
        Iterator<ImportLine> lines = iterator();
        return new Iterator<>() {
            private long n;

            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public ImportLine.Numbered next() {
                return new ImportLine.Numbered(++n, lines.next());
            }
        };
    }
}
