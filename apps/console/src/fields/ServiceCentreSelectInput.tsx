import { SelectInput, type SelectInputProps } from 'react-admin';
import { useServiceCentreChoices } from '../claims/claim-reference';

/** Every service centre as a select (filters of the stock screens). */
export const ServiceCentreSelectInput = (props: Omit<SelectInputProps, 'choices'>) => {
  const { choices, isPending } = useServiceCentreChoices();
  return <SelectInput {...props} choices={choices} isPending={isPending} sx={{ minWidth: 240 }} />;
};
