package dev.anneal.db.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A named dataset: a pointer to stored content plus the profile inferred at upload. */
@Entity
@Table(name = "dataset")
public class DatasetEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "content_sha256", nullable = false)
    private String contentSha256;

    private String originalFilename;

    @Column(nullable = false)
    private int rowCount;

    @Column(nullable = false)
    private int columnCount;

    /** The profile as JSON (columns, types, missing counts); api owns its shape. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String profile;

    @Column(nullable = false)
    private boolean builtin;

    /** The owning project; null for the built-in samples every project shares. */
    @Column(updatable = false)
    private Long projectId;

    /** Set by the database's default on insert and read back by Hibernate. */
    @Generated
    @Column(nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    protected DatasetEntity() {}

    public DatasetEntity(
            String name,
            String contentSha256,
            String originalFilename,
            int rowCount,
            int columnCount,
            String profile,
            boolean builtin,
            Long projectId) {
        this.projectId = projectId;
        this.name = name;
        this.contentSha256 = contentSha256;
        this.originalFilename = originalFilename;
        this.rowCount = rowCount;
        this.columnCount = columnCount;
        this.profile = profile;
        this.builtin = builtin;
    }

    public Long getId() {
        return id;
    }

    public Long getProjectId() {
        return projectId;
    }

    public String getName() {
        return name;
    }

    public String getContentSha256() {
        return contentSha256;
    }

    public String getOriginalFilename() {
        return originalFilename;
    }

    public int getRowCount() {
        return rowCount;
    }

    public int getColumnCount() {
        return columnCount;
    }

    public String getProfile() {
        return profile;
    }

    public boolean isBuiltin() {
        return builtin;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
