import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';

export const AGENCY_KINDS = [
  'ministry',
  'organisation',
  'bank',
  'judiciary',
  'governorate',
  'company',
  'foundation',
  'council',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_BRANCHES = ['executive', 'judiciary', 'legislative', 'other'] as const;
export type AgencyBranch = (typeof AGENCY_BRANCHES)[number];

/** An executive agency (دستگاه اجرایی); subordinate bodies roll up to a parent. */
@Entity('agency')
@Check('CHK_agency_kind', `"kind" IN (${AGENCY_KINDS.map((k) => `'${k}'`).join(', ')})`)
@Check('CHK_agency_branch', `"branch" IN (${AGENCY_BRANCHES.map((b) => `'${b}'`).join(', ')})`)
@Check('CHK_agency_not_own_parent', `"parent_id" IS NULL OR "parent_id" <> "id"`)
@Check('CHK_agency_names', `length(btrim("name_fa")) > 0 AND length(btrim("name_en")) > 0`)
@Check(
  'CHK_agency_progress_dates',
  `"national_window_connected_on" IS NULL OR ("single_window_launched_on" IS NOT NULL AND "single_window_launched_on" <= "national_window_connected_on")`,
)
@Index('IDX_agency_search_trgm', { synchronize: false })
export class Agency {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_agency_code', { unique: true })
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  nameFa: string;

  @Column({ type: 'text' })
  nameEn: string;

  /** Maintained by PostgreSQL: `app_normalize_search(name_fa || ' ' || name_en || ' ' || code)`. */
  @Column({
    type: 'text',
    generatedType: 'STORED',
    asExpression: `app_normalize_search("name_fa" || ' ' || "name_en" || ' ' || "code")`,
    insert: false,
    update: false,
    select: false,
  })
  searchKey: string;

  @Column({ type: 'text' })
  kind: AgencyKind;

  @Column({ type: 'text' })
  branch: AgencyBranch;

  /** One of the 170 main agencies named by the ministry. */
  @Index('IDX_agency_is_main')
  @Column({ type: 'boolean', default: false })
  isMain: boolean;

  @Index('IDX_agency_parent_id')
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Agency, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_agency_parent' })
  parent: Relation<Agency> | null;

  /** The day the agency's own single window (پنجره واحد) went live: the current belief, see `agency_progress_event`. */
  @Column({ type: 'date', nullable: true })
  singleWindowLaunchedOn: string | null;

  @Column({ type: 'text', nullable: true })
  singleWindowUrl: string | null;

  /** The day its single window was connected to the national window. */
  @Column({ type: 'date', nullable: true })
  nationalWindowConnectedOn: string | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
