package org.springframework.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** The two pages the benchmark measures are what they claim: the same data, 2 statements against 2 + 50. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.jpa.properties.hibernate.generate_statistics=true")
class BenchApplicationTest {
    private static final TypeReference<List<Map<String, Object>>> PAGE = new TypeReference<>() {
    };

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private ObjectMapper json;

    @Autowired
    private EntityManagerFactory entityManagerFactory;

    private Statistics statistics;

    @BeforeEach
    void clearStatistics() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
    }

    @Test
    void clean_page_runs_one_statement_for_posts_with_authors_and_one_count() throws JsonProcessingException {
        List<Map<String, Object>> page = get("/posts?page=3");

        assertEquals(PostService.PAGE_SIZE, page.size());
        assertEquals(2, statistics.getPrepareStatementCount());
    }

    @Test
    void n_plus_one_page_runs_one_author_lookup_per_post_on_top() throws JsonProcessingException {
        List<Map<String, Object>> page = get("/posts-n-plus-one?page=3");

        assertEquals(PostService.PAGE_SIZE, page.size());
        assertEquals(2 + PostService.PAGE_SIZE, statistics.getPrepareStatementCount());
        assertEquals(PostService.PAGE_SIZE, statistics.getEntityFetchCount());
    }

    @Test
    void both_pages_return_the_same_posts_and_authors() throws JsonProcessingException {
        assertEquals(get("/posts?page=7"), get("/posts-n-plus-one?page=7"));
    }

    private List<Map<String, Object>> get(String path) throws JsonProcessingException {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertEquals(200, response.getStatusCode().value(), response.getBody());
        return json.readValue(response.getBody(), PAGE);
    }
}
