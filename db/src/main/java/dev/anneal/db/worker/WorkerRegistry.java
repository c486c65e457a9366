package dev.anneal.db.worker;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who is working: each worker process upserts its row on every heartbeat round (database
 * clock), marks it stopped on a graceful shutdown, and the server lists the rows.
 */
@Repository
public class WorkerRegistry {

    private final JdbcClient jdbc;

    public WorkerRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers or renews a worker; {@code trialsDone} is the process's running total. */
    public void beat(String id, String host, long pid, int slots, int busySlots, long trialsDone) {
        jdbc.sql("""
                insert into worker (id, host, pid, slots, busy_slots, trials_done)
                values (:id, :host, :pid, :slots, :busy, :done)
                on conflict (id) do update
                   set busy_slots = excluded.busy_slots, trials_done = excluded.trials_done,
                       slots = excluded.slots, heartbeat_at = now(), state = 'RUNNING', stopped_at = null
                """)
                .param("id", id)
                .param("host", host)
                .param("pid", pid)
                .param("slots", slots)
                .param("busy", busySlots)
                .param("done", trialsDone)
                .update();
    }

    public void stopped(String id, long trialsDone) {
        jdbc.sql("""
                update worker set state = 'STOPPED', busy_slots = 0, trials_done = :done,
                       stopped_at = now(), heartbeat_at = now()
                 where id = :id
                """).param("id", id).param("done", trialsDone).update();
    }

    /**
     * Workers seen within {@code window}, newest heartbeat first; alive means running and
     * heartbeating within {@code aliveWithin}.
     */
    public List<WorkerRecord> recent(Duration window, Duration aliveWithin) {
        return jdbc.sql("""
                select id, host, pid, slots, busy_slots, trials_done, state, started_at, heartbeat_at, stopped_at,
                       (state = 'RUNNING' and heartbeat_at > now() - :alive * interval '1 millisecond') as alive
                  from worker
                 where heartbeat_at > now() - :window * interval '1 millisecond'
                 order by heartbeat_at desc, id
                """)
                .param("window", window.toMillis())
                .param("alive", aliveWithin.toMillis())
                .query((rs, n) -> new WorkerRecord(
                        rs.getString("id"),
                        rs.getString("host"),
                        (Long) rs.getObject("pid"),
                        rs.getInt("slots"),
                        rs.getInt("busy_slots"),
                        rs.getLong("trials_done"),
                        rs.getString("state"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("heartbeat_at").toInstant(),
                        rs.getTimestamp("stopped_at") == null
                                ? null
                                : rs.getTimestamp("stopped_at").toInstant(),
                        rs.getBoolean("alive")))
                .list();
    }

    /** Forgets workers not heard from for {@code olderThan}; returns how many rows went. */
    public int forget(Duration olderThan) {
        return jdbc.sql("delete from worker where heartbeat_at < now() - :age * interval '1 millisecond'")
                .param("age", olderThan.toMillis())
                .update();
    }
}
