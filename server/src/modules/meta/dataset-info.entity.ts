import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Facts about the data set itself, e.g. `dataset` → `{ "kind": "demo", ... }` after the demo seed. */
@Entity('dataset_info')
export class DatasetInfo {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'jsonb' })
  value: Record<string, unknown>;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
