import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('DeviceImportProblem', { description: 'One reason a file was refused.' })
export class DeviceImportProblemType {
  @Field(() => Int, { description: 'The line in the file (the header is line 1); 0 for the file as a whole.' }) row!: number;
  @Field(() => String, { nullable: true, description: 'imei, barcode or receivedOn.' }) field!: string | null;
  @Field(() => String, { nullable: true }) value!: string | null;
  @Field() reason!: string;
}

@ObjectType('DeviceImportResult', { description: 'A file is imported whole or not at all.' })
export class DeviceImportResultType {
  @Field(() => Int, { description: 'Units written: every row of the file, or 0 when it was refused.' }) imported!: number;
  @Field(() => Int, { description: 'Data rows read.' }) rows!: number;
  @Field(() => [DeviceImportProblemType], { description: 'Every bad row, by line; empty when the file was imported.' })
  problems!: DeviceImportProblemType[];
}
