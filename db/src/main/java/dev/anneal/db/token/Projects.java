package dev.anneal.db.token;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Projects: the owners of jobs, datasets and tokens. */
@Repository
public class Projects {

    /** The project every installation starts with, and that rows without a project belong to. */
    public static final long DEFAULT_ID = 1;

    public static final String DEFAULT_NAME = "default";

    private final JdbcClient jdbc;

    public Projects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> idOf(String name) {
        return jdbc.sql("select id from project where name = :name")
                .param("name", name)
                .query(Long.class)
                .optional();
    }

    /** The project's id, creating it if it is new (safe under concurrent calls). */
    public long idOrCreate(String name) {
        jdbc.sql("insert into project (name) values (:name) on conflict (name) do nothing")
                .param("name", name)
                .update();
        return idOf(name).orElseThrow();
    }
}
