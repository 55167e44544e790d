// What a steward reads to decide and to check: the pairs the deduplicator left for review, and
// why one canonical project is made of its sources and where each of its values came from.
import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from './connection.ts';
import { mergeDecisions, projectPartners, projects, projectSources, sourceRecords } from './schema.ts';

export interface ReviewPair {
  left: { id: string; source: string; url: string; title: string };
  right: { id: string; source: string; url: string; title: string };
  score: number | null;
  features: Record<string, unknown>;
}

/** Pairs scored between the thresholds that no steward has decided, strongest first. */
export async function reviewPairs(db: Database, limit = 50): Promise<ReviewPair[]> {
  const left = alias(sourceRecords, 'left_record');
  const right = alias(sourceRecords, 'right_record');
  const rows = await db
    .select({
      leftId: left.id, leftSource: left.source, leftUrl: left.sourceUrl, leftRecord: left.record,
      rightId: right.id, rightSource: right.source, rightUrl: right.sourceUrl, rightRecord: right.record,
      score: mergeDecisions.score, features: mergeDecisions.features,
    })
    .from(mergeDecisions)
    .innerJoin(left, eq(left.id, mergeDecisions.leftSourceRecordId))
    .innerJoin(right, eq(right.id, mergeDecisions.rightSourceRecordId))
    .where(and(eq(mergeDecisions.decision, 'review'), eq(mergeDecisions.decidedBy, 'auto'), eq(left.active, true), eq(right.active, true)))
    .orderBy(desc(mergeDecisions.score), asc(left.id), asc(right.id))
    .limit(limit);
  return rows.map((row) => ({
    left: { id: row.leftId, source: row.leftSource, url: row.leftUrl, title: row.leftRecord.title },
    right: { id: row.rightId, source: row.rightSource, url: row.rightUrl, title: row.rightRecord.title },
    score: row.score,
    features: row.features,
  }));
}

export interface ProjectExplanation {
  id: string;
  title: string;
  members: { id: string; source: string; url: string; title: string; active: boolean }[];
  /** Decisions between the members, and between members and records kept apart from them. */
  decisions: { left: string; right: string; score: number | null; decision: string; decidedBy: string; features: Record<string, unknown> }[];
  /** Field -> the source records its value came from. */
  lineage: Record<string, string[]>;
  fields: Record<string, unknown>;
  partners: { name: string; role: string; country: string | null; organisationId: string; sourceRecordIds: string[] }[];
}

export async function explainProject(db: Database, projectId: string): Promise<ProjectExplanation | null> {
  const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
  if (!project) return null;
  const members = await db
    .select({ id: sourceRecords.id, source: sourceRecords.source, url: sourceRecords.sourceUrl, record: sourceRecords.record, active: sourceRecords.active })
    .from(projectSources)
    .innerJoin(sourceRecords, eq(sourceRecords.id, projectSources.sourceRecordId))
    .where(eq(projectSources.projectId, projectId))
    .orderBy(sourceRecords.source, sourceRecords.id);
  const ids = members.map((member) => member.id);
  const decisions = ids.length === 0 ? [] : await db
    .select()
    .from(mergeDecisions)
    .where(or(inArray(mergeDecisions.leftSourceRecordId, ids), inArray(mergeDecisions.rightSourceRecordId, ids)))
    .orderBy(desc(mergeDecisions.score));
  const partners = await db.select().from(projectPartners).where(eq(projectPartners.projectId, projectId)).orderBy(projectPartners.position);
  const { id, title, lineage, contentHash: _hash, createdAt: _created, updatedAt: _updated, ...fields } = project;
  return {
    id,
    title,
    members: members.map((member) => ({ id: member.id, source: member.source, url: member.url, title: member.record.title, active: member.active })),
    decisions: decisions.map((decision) => ({
      left: decision.leftSourceRecordId,
      right: decision.rightSourceRecordId,
      score: decision.score,
      decision: decision.decision,
      decidedBy: decision.decidedBy,
      features: decision.features,
    })),
    lineage,
    fields,
    partners: partners.map((partner) => ({ name: partner.name, role: partner.role, country: partner.country, organisationId: partner.organisationId, sourceRecordIds: partner.sourceRecordIds })),
  };
}
