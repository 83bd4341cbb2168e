package dev.nplusone.benchmarks;

import java.util.SplittableRandom;

/**
 * Statements with their values written inline, as hand-built SQL and some ORMs send them: every string is
 * different, so a cache keyed by the SQL string never hits and each one costs a full fingerprint. Templates
 * cover ORM-style aliases, joins, IN lists, comments, strings, decimals, inserts and updates.
 */
final class SqlCorpus {
    private static final String[] TEMPLATES = {
        "select p1_0.id,p1_0.author_id,p1_0.title,p1_0.published from blog_post p1_0 where p1_0.id=%1$d",
        "SELECT a.id, a.name, a.email FROM blog_author a WHERE a.id = %1$d AND a.active = TRUE",
        "select e.id, e.name, d.name as department from employee e join department d on d.id = e.department_id"
                + " where e.salary > %2$d.%3$02d and d.name = 'dept %4$s' order by e.name limit 20",
        "select c.id, c.post_id, c.body from blog_comment c where c.post_id in (%1$d, %2$d, %3$d, %5$d)"
                + " and c.created_at >= '2024-0%6$d-1%6$d'",
        "insert into audit_log (entity, entity_id, action, at) values ('post', %1$d, 'update %4$s',"
                + " '2024-05-0%6$d 10:00:00')",
        "update blog_post set title = 'title %4$s', view_count = view_count + %3$d where id = %1$d",
        "select count(*) from blog_post p where p.author_id = %2$d and p.title like 'a%4$s%%' -- search %5$d",
        "/* load order */ select o.id, o.total, c.name from orders o left join customer c on c.id = o.customer_id"
                + " where o.id = %1$d and o.status <> 'CANCELLED'",
    };

    private SqlCorpus() {
    }

    /** {@code count} statements, all different, from a fixed seed so every run parses the same text. */
    static String[] statements(int count) {
        SplittableRandom random = new SplittableRandom(20_240_601L);
        String[] statements = new String[count];
        for (int i = 0; i < count; i++) {
            String template = TEMPLATES[i % TEMPLATES.length];
            // i itself is the first value, so no two statements of one template are equal
            statements[i] = String.format(java.util.Locale.ROOT, template, i + 1, random.nextInt(1, 100_000),
                    random.nextInt(0, 100), Long.toString(random.nextLong(1L << 40), 36), random.nextInt(1, 1_000_000),
                    random.nextInt(1, 10));
        }
        return statements;
    }
}
